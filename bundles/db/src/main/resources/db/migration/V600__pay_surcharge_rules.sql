-- Card-surcharge law as data: a legal update is a new row (a later effective_from), never a code change.
--
-- For each jurisdiction the row with the latest effective_from on or before a payment's date applies; a payment
-- records the ids of the rows that decided its surcharge. jurisdiction '*' holds the card networks' cap, which
-- applies everywhere. A state's rule applies when it is the operator's state or the payer's billing state (which
-- state's law governs is unsettled, so both are honoured; the stricter wins).
--
--   prohibited           no card surcharge
--   capped               allowed up to cap_percent
--   consumer-prohibited  allowed only when the operator attests the payer is a business (California, SB 478)
--   operator-opt-in      off unless the operator turns it on (Texas: the statute is enjoined but not repealed)
--   allowed              allowed (a row that ends an earlier prohibition)
-- Not legal advice: the sources are the research in the product's reference notes, as of 2026.
CREATE TABLE pay_surcharge_rule (
    id             bigint  PRIMARY KEY,
    jurisdiction   text    NOT NULL CHECK (jurisdiction = '*' OR jurisdiction ~ '^[A-Z]{2}$'),
    rule           text    NOT NULL CHECK (rule IN ('prohibited', 'capped', 'consumer-prohibited', 'operator-opt-in',
                                                    'allowed')),
    cap_percent    numeric(5, 3) CHECK (cap_percent > 0 AND cap_percent <= 10),
    effective_from date    NOT NULL,
    source         text    NOT NULL,
    note           text,
    UNIQUE (jurisdiction, effective_from),
    CHECK ((rule = 'capped') = (cap_percent IS NOT NULL))
);

INSERT INTO pay_surcharge_rule (id, jurisdiction, rule, cap_percent, effective_from, source, note) VALUES
 (1, '*', 'capped', 4.000, '2013-01-27', 'http://www.smartbrief.com/01/31/13/new-credit-card-surcharge-rules',
  'Card networks after the 2013 settlement: at most 4 %.'),
 (2, '*', 'capped', 3.000, '2023-04-15', 'https://www.paymentsandrisk.com/docs/compliance/network-rules/surcharging',
  'Visa lowered its cap to 3 % (Mastercard 4 %): the lower applies to every card.'),
 (10, 'CT', 'prohibited', NULL, '2013-01-01', 'https://blog.payjunction.com/credit-card-surcharge-laws-by-state-considerations-for-merchants',
  'CGS §42-133ff.'),
 (11, 'MA', 'prohibited', NULL, '2013-01-01', 'https://www.paymentsandrisk.com/docs/compliance/network-rules/surcharging',
  'M.G.L. c.140D §28A.'),
 (12, 'ME', 'prohibited', NULL, '2013-01-01', 'https://casetext.com/statute/maine-statutes/title-9-a-maine-consumer-credit-code/article-8-a-maine-truth-in-lending/section-8-509-credit-card-and-debit-card-surcharge-prohibition',
  '9-A M.R.S. §8-509.'),
 (13, 'PR', 'prohibited', NULL, '2013-01-01', 'https://support.bluesnap.com/docs/surcharges', NULL),
 (14, 'CO', 'capped', 2.000, '2022-08-10', 'https://bassberry.com/news/colorado-surcharge-ban',
  'C.R.S. §5-2-212: 2 % or the merchant discount fee, whichever is lower.'),
 (15, 'CA', 'consumer-prohibited', NULL, '2024-07-01', 'https://oag.ca.gov/hiddenfees',
  'SB 478: fees must be in the advertised price for consumers; business payers are outside it.'),
 (16, 'TX', 'operator-opt-in', NULL, '2018-01-01', 'https://sll.texas.gov/faqs/credit-card-surcharge',
  '§604A.0021 enjoined (Rowell v. Paxton) but not repealed; off unless the operator decides otherwise.'),
 (17, 'NY', 'prohibited', NULL, '2013-01-01', 'http://www.smartbrief.com/01/31/13/new-credit-card-surcharge-rules', NULL),
 (18, 'NY', 'allowed', NULL, '2024-02-11', 'https://www.nysenate.gov/legislation/laws/GBS/518/',
  'GBL §518 as amended: the total card price is shown before payment.'),
 (19, 'KS', 'prohibited', NULL, '2013-01-01', 'http://www.smartbrief.com/01/31/13/new-credit-card-surcharge-rules', NULL),
 (20, 'KS', 'allowed', NULL, '2025-01-01', 'http://ksrevisor.org/statutes/chapters/ch16a/016a_002_0403.html',
  'K.S.A. 16a-2-403 as amended: allowed with advance disclosure.'),
 (21, 'OK', 'prohibited', NULL, '2013-01-01', 'http://www.smartbrief.com/01/31/13/new-credit-card-surcharge-rules', NULL),
 (22, 'OK', 'allowed', NULL, '2025-05-28', 'https://www.mondaq.com/unitedstates/financial-services/1633104/bedlam-no-more-oklahoma-formally-allows-credit-card-surcharges',
  'SB 677 repealed 14A §2-417.');
