package io.portico.pay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.payment.CardFunding;
import io.portico.api.payment.Money;
import io.portico.api.payment.PaymentMethodDetails;
import io.portico.api.payment.PaymentMethodKind;
import io.portico.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every surcharge rule of the shipped law table (read from the migrated database), from both sides, on its dates. */
class FeeRulesTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Money INVOICES = new Money(new BigDecimal("1000.00"), USD);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private static TestDatabase db;
    private static FeeRules rules;

    @BeforeAll
    static void lawTable() {
        db = TestDatabase.create();
        try (SqlSession session = db.database().sessionFactory(PayMapper.class).openSession()) {
            rules = new FeeRules(session.getMapper(PayMapper.class).surchargeRules());
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static FeeSettings surcharging(String percent, String operatorState) {
        return new FeeSettings(new BigDecimal(percent), operatorState, false, false, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static PaymentMethodDetails card(CardFunding funding, String billingState) {
        return new PaymentMethodDetails(PaymentMethodKind.CARD, funding, "visa", "4242", "US", billingState, "US");
    }

    private static PaymentMethodDetails bank(String billingState) {
        return new PaymentMethodDetails(PaymentMethodKind.US_BANK_ACCOUNT, CardFunding.UNKNOWN, "Test Bank", "6789",
                "US", billingState, "US");
    }

    private static FeeDecision onCredit(FeeSettings settings, String payerState, LocalDate day) {
        return rules.decide(INVOICES, card(CardFunding.CREDIT, payerState), settings, false, day);
    }

    @Test
    void creditCardInAPermissiveStateIsSurchargedAtTheOperatorsRate() {
        FeeDecision d = onCredit(surcharging("2.5", "NV"), "FL", TODAY);
        assertEquals(new BigDecimal("25.00"), d.surcharge().amount());
        assertEquals(new BigDecimal("2.5"), d.surchargePercent());
        assertEquals(new BigDecimal("1025.00"), d.total(INVOICES).amount());
        assertNull(d.reason());
        assertEquals(List.of(2L), d.ruleIds(), "decided by the networks' cap in force");
    }

    @Test
    void theNetworksCapIsThreePercentSinceApril2023AndFourBefore() {
        assertEquals(new BigDecimal("30.00"), onCredit(surcharging("5", "NV"), "FL", TODAY).surcharge().amount());
        assertEquals(new BigDecimal("30.00"),
                onCredit(surcharging("5", "NV"), "FL", LocalDate.of(2023, 4, 15)).surcharge().amount());
        assertEquals(new BigDecimal("40.00"),
                onCredit(surcharging("5", "NV"), "FL", LocalDate.of(2023, 4, 14)).surcharge().amount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CT", "MA", "ME", "PR"})
    void prohibitingJurisdictionsBarTheSurchargeFromEitherSide(String state) {
        FeeDecision asPayer = onCredit(surcharging("3", "NV"), state, TODAY);
        assertEquals(BigDecimal.ZERO.setScale(2), asPayer.surcharge().amount());
        assertEquals("No surcharge: the law of " + state + " does not allow it.", asPayer.reason());
        FeeDecision asOperator = onCredit(surcharging("3", state), "FL", TODAY);
        assertEquals(BigDecimal.ZERO.setScale(2), asOperator.surcharge().amount());
        assertTrue(asOperator.reason().contains(state));
    }

    @Test
    void coloradoCapsAtTwoPercentFromEitherSide() {
        assertEquals(new BigDecimal("20.00"), onCredit(surcharging("3", "NV"), "CO", TODAY).surcharge().amount());
        assertEquals(new BigDecimal("20.00"), onCredit(surcharging("3", "CO"), "NV", TODAY).surcharge().amount());
        assertEquals(new BigDecimal("15.00"), onCredit(surcharging("1.5", "CO"), "NV", TODAY).surcharge().amount(),
                "the operator's lower rate stands");
    }

    @Test
    void californiaBarsConsumersButNotAttestedBusinesses() {
        assertEquals(BigDecimal.ZERO.setScale(2), onCredit(surcharging("3", "NV"), "CA", TODAY).surcharge().amount());
        assertEquals(BigDecimal.ZERO.setScale(2), onCredit(surcharging("3", "CA"), "NV", TODAY).surcharge().amount());
        FeeSettings businesses = new FeeSettings(new BigDecimal("3"), "CA", false, true, BigDecimal.ZERO,
                BigDecimal.ZERO);
        assertEquals(new BigDecimal("30.00"), onCredit(businesses, "CA", TODAY).surcharge().amount());
        assertEquals(new BigDecimal("30.00"), onCredit(surcharging("3", "NV"), "CA",
                LocalDate.of(2024, 6, 30)).surcharge().amount(), "SB 478 took effect on 2024-07-01");
    }

    @Test
    void texasIsOffUntilTheOperatorTurnsItOn() {
        assertEquals(BigDecimal.ZERO.setScale(2), onCredit(surcharging("3", "NV"), "TX", TODAY).surcharge().amount());
        assertEquals(BigDecimal.ZERO.setScale(2), onCredit(surcharging("3", "TX"), "NV", TODAY).surcharge().amount());
        FeeSettings optedIn = new FeeSettings(new BigDecimal("3"), "TX", true, false, BigDecimal.ZERO, BigDecimal.ZERO);
        assertEquals(new BigDecimal("30.00"), onCredit(optedIn, "TX", TODAY).surcharge().amount());
    }

    @ParameterizedTest
    @CsvSource({"NY, 2024-02-10, 0.00", "NY, 2024-02-11, 30.00", "KS, 2024-12-31, 0.00", "KS, 2025-01-01, 30.00",
            "OK, 2025-05-27, 0.00", "OK, 2025-05-28, 30.00"})
    void aLaterRowEndsAnEarlierProhibitionOnItsDate(String state, LocalDate day, BigDecimal expected) {
        assertEquals(expected, onCredit(surcharging("3", "NV"), state, day).surcharge().amount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEBIT", "PREPAID", "UNKNOWN"})
    void onlyCreditCardsAreEverSurcharged(CardFunding funding) {
        FeeDecision d = rules.decide(INVOICES, card(funding, "FL"), surcharging("3", "NV"), false, TODAY);
        assertEquals(BigDecimal.ZERO.setScale(2), d.surcharge().amount());
        assertTrue(d.reason().startsWith("No surcharge"), d.reason());
    }

    @Test
    void bankPaymentsAreNeverSurcharged() {
        FeeDecision d = rules.decide(INVOICES, bank("FL"), surcharging("3", "NV"), false, TODAY);
        assertEquals(BigDecimal.ZERO.setScale(2), d.surcharge().amount());
        assertEquals(INVOICES, d.total(INVOICES));
    }

    @Test
    void anUnknownUsBillingStateMeansNoSurcharge() {
        assertEquals(BigDecimal.ZERO.setScale(2), onCredit(surcharging("3", "NV"), null, TODAY).surcharge().amount());
        PaymentMethodDetails abroad = new PaymentMethodDetails(PaymentMethodKind.CARD, CardFunding.CREDIT, "visa",
                "4242", "DE", null, "DE");
        assertEquals(new BigDecimal("30.00"),
                rules.decide(INVOICES, abroad, surcharging("3", "NV"), false, TODAY).surcharge().amount(),
                "a payer outside the US answers to the operator's state and the networks only");
    }

    @Test
    void exemptCustomersPayNoSurchargeOrFeeButKeepTheBankDiscount() {
        FeeSettings settings = new FeeSettings(new BigDecimal("3"), "NV", false, true, new BigDecimal("1.50"),
                new BigDecimal("1"));
        FeeDecision card = rules.decide(INVOICES, card(CardFunding.CREDIT, "FL"), settings, true, TODAY);
        assertEquals(BigDecimal.ZERO.setScale(2), card.surcharge().amount());
        assertEquals("No fees apply to your account.", card.reason());
        FeeDecision bank = rules.decide(INVOICES, bank("FL"), settings, true, TODAY);
        assertEquals(BigDecimal.ZERO.setScale(2), bank.bankFee().amount());
        assertEquals(new BigDecimal("10.00"), bank.bankDiscount().amount());
        assertEquals(new BigDecimal("990.00"), bank.total(INVOICES).amount());
    }

    @Test
    void aBankFeeAppliesExceptToCaliforniaConsumers() {
        FeeSettings fee = new FeeSettings(BigDecimal.ZERO, "NV", false, false, new BigDecimal("1.5"), BigDecimal.ZERO);
        assertEquals(new BigDecimal("1001.50"), rules.decide(INVOICES, bank("FL"), fee, false, TODAY)
                .total(INVOICES).amount());
        FeeDecision california = rules.decide(INVOICES, bank("CA"), fee, false, TODAY);
        assertEquals(BigDecimal.ZERO.setScale(2), california.bankFee().amount());
        assertEquals("No fee: the law of CA does not allow it.", california.reason());
    }

    @Test
    void surchargesRoundHalfUpToTheCent() {
        Money odd = new Money(new BigDecimal("33.35"), USD);
        assertEquals(new BigDecimal("0.83"), rules.decide(odd, card(CardFunding.CREDIT, "FL"), surcharging("2.5",
                "NV"), false, TODAY).surcharge().amount(), "33.35 x 2.5 % = 0.83375");
        Money yen = new Money(new BigDecimal("1001"), Currency.getInstance("JPY"));
        assertEquals(new BigDecimal("25"), rules.decide(yen, card(CardFunding.CREDIT, "FL"), surcharging("2.5",
                "NV"), false, TODAY).surcharge().amount(), "yen have no decimals: 25.025 rounds to 25");
    }
}
