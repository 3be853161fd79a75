package io.portico.pay.internal;

import io.portico.api.identity.DataScope;
import io.portico.api.payment.Money;
import io.portico.api.payment.PaymentMethodDetails;
import io.portico.api.payment.PaymentState;
import io.portico.api.web.ProblemException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The payment ledger: opens a payment of invoices, holds their balance when it is confirmed, and records every status
 * it goes through. No two payments together ever pay more of an invoice than NetSuite's remaining balance, also when
 * they are confirmed at the same moment on two nodes (see V601__pay_ledger.sql for how).
 */
final class PaymentLedger {

    /** The most invoices one payment pays: a checkout page a person can still read. */
    static final int MAX_INVOICES = 100;

    private final SqlSessionFactory sessions;

    PaymentLedger(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Which processor account takes the payment, and the operator's rules for partial payments. */
    record Terms(String processor, String processorAccountId, boolean partialPayments, BigDecimal partialMinimum) {
    }

    /**
     * Opens a payment of the invoices in the amounts asked: checks that each is the scope's, open, in one currency
     * and one customer, and that each amount is positive, has no more decimals than the currency allows, is at most
     * what is left to pay and, when partial, allowed and at least the minimum. Nothing is held yet.
     *
     * @throws ProblemException 404 for an invoice outside the scope, 400 or 409 naming the invoice for an amount
     *     that cannot be paid
     */
    Payment open(DataScope scope, Long userId, Long linkId, String payerEmail, List<Allocation> asked, Terms terms) {
        if (asked.isEmpty()) {
            throw ProblemException.badRequest("Choose at least one invoice to pay.");
        }
        if (asked.size() > MAX_INVOICES) {
            throw ProblemException.badRequest("Pay at most " + MAX_INVOICES + " invoices at once.");
        }
        Map<Long, BigDecimal> amounts = new LinkedHashMap<>();
        for (Allocation a : asked) {
            if (amounts.put(a.invoiceNetsuiteId(), a.amount()) != null) {
                throw ProblemException.badRequest("Each invoice can be paid once per payment.");
            }
        }
        try (SqlSession session = sessions.openSession(false)) {
            PayMapper mapper = session.getMapper(PayMapper.class);
            List<InvoiceBalance> invoices = mapper.invoiceBalances(scope, List.copyOf(amounts.keySet()), null);
            if (invoices.size() != amounts.size()) {
                throw ProblemException.notFound("No such invoice.");
            }
            Currency currency = checkOneCurrencyAndCustomer(invoices);
            BigDecimal sum = BigDecimal.ZERO;
            for (InvoiceBalance invoice : invoices) {
                BigDecimal amount = amounts.get(invoice.netsuiteId());
                check(invoice, amount, currency, terms);
                sum = sum.add(amount);
            }
            Payment payment = new Payment(0, UUID.randomUUID(), scope.tenantId(), invoices.get(0).organizationId(),
                    userId, linkId, payerEmail, currency.getCurrencyCode(), sum, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, sum, "created", terms.processor(), terms.processorAccountId(), null, null, null,
                    null, null);
            long id = mapper.insertPayment(payment);
            for (InvoiceBalance invoice : invoices) {
                mapper.insertAllocation(id, invoice.id(), amounts.get(invoice.netsuiteId()));
            }
            mapper.insertEvent(id, "created", null);
            session.commit(true);
            return mapper.find(scope, payment.publicId());
        }
    }

    /**
     * Holds the invoices' balance for a payment about to be confirmed with the processor, and keeps the fees the
     * payer accepted. Only a payment still {@code created} is held: a second call (a double click, a reload) answers
     * empty, and the caller shows the payment as it stands.
     *
     * @throws ProblemException 409 naming the invoice when another payment took its balance since the checkout
     *     opened; the payment is then failed, with no fee
     */
    Optional<Payment> hold(DataScope scope, UUID publicId, FeeDecision fees, PaymentMethodDetails method) {
        String conflict;
        long id;
        try (SqlSession session = sessions.openSession(false)) {
            PayMapper mapper = session.getMapper(PayMapper.class);
            Payment payment = mapper.find(scope, publicId);
            if (payment == null) {
                throw ProblemException.notFound("No such payment.");
            }
            id = payment.id();
            if (mapper.changeStatus(id, "created", "confirming", null) == 0) {
                return Optional.empty();
            }
            List<Allocation> allocations = mapper.allocations(id);
            List<Long> invoiceIds = allocations.stream().map(Allocation::invoiceNetsuiteId).toList();
            mapper.lockInvoices(scope, invoiceIds);
            Map<Long, InvoiceBalance> balances = new LinkedHashMap<>();
            mapper.invoiceBalances(scope, invoiceIds, id).forEach(b -> balances.put(b.netsuiteId(), b));
            conflict = null;
            for (Allocation a : allocations) {
                InvoiceBalance invoice = balances.get(a.invoiceNetsuiteId());
                if (invoice == null || a.amount().compareTo(invoice.payable()) > 0) {
                    conflict = invoice == null ? "An invoice of this payment is no longer open."
                            : invoice.number() + " has " + invoice.payable().toPlainString() + " " + invoice.currency()
                                    + " left to pay: another payment was made since this one was started.";
                    break;
                }
            }
            if (conflict == null) {
                Money invoicesAmount = new Money(payment.invoicesAmount(), Currency.getInstance(payment.currency()));
                mapper.recordFees(id, fees, fees.total(invoicesAmount).amount(), method);
                mapper.insertEvent(id, "confirming", null);
                session.commit(true);
                return Optional.of(mapper.find(scope, publicId));
            }
            session.rollback(true);
        }
        fail(scope, publicId, "created", conflict);
        throw ProblemException.conflict(conflict);
    }

    /** Moves a payment from {@code from} to failed with a reason for the payer; nothing when it already moved on. */
    void fail(DataScope scope, UUID publicId, String from, String reason) {
        try (SqlSession session = sessions.openSession(false)) {
            PayMapper mapper = session.getMapper(PayMapper.class);
            Payment payment = mapper.find(scope, publicId);
            if (payment != null && mapper.changeStatus(payment.id(), from, "failed", reason) == 1) {
                mapper.insertEvent(payment.id(), "failed", reason);
            }
            session.commit(true);
        }
    }

    /**
     * Records the processor's current state of a payment, with a status event when the status changes. Reports may
     * come late, twice or out of order: one that repeats or that a final status outranks changes nothing.
     *
     * @return the payment as it now stands
     */
    Payment record(Payment payment, PaymentState state) {
        try (SqlSession session = sessions.openSession(false)) {
            PayMapper mapper = session.getMapper(PayMapper.class);
            Payment current = mapper.findByReference(payment.processor(), state.processorReference());
            if (current == null || current.id() != payment.id()) {
                throw new IllegalStateException("The processor's reference does not belong to this payment.");
            }
            Optional<String> next = LedgerStatus.next(current.status(), state);
            if (next.isPresent()) {
                BigDecimal refunded = state.amountRefunded() == null ? BigDecimal.ZERO
                        : state.amountRefunded().amount();
                if (mapper.recordState(current.id(), current.status(), next.get(), state.failureReason(), refunded,
                        state.method()) == 1) {
                    mapper.insertEvent(current.id(), next.get(), state.failureReason());
                    if (LedgerStatus.RECEIVED.contains(next.get())) {
                        mapper.enqueueWriteback(current.id());
                    } else if (LedgerStatus.RECEIVED.contains(current.status())) {
                        // Returned after it succeeded: not posted at all if no one tried yet, else reversed.
                        mapper.cancelUntriedPosting(current.id(), "The payment was " + next.get()
                                + " before it was posted to NetSuite; nothing to post.");
                        mapper.enqueueReversal(current.id(), null);
                    }
                }
            }
            session.commit(true);
            return mapper.findByReference(payment.processor(), state.processorReference());
        }
    }

    /** Keeps the processor's id of the prepared payment (the first one: a reload prepares the same payment). */
    void prepared(Payment payment, String processorReference) {
        try (SqlSession session = sessions.openSession(false)) {
            session.getMapper(PayMapper.class).setProcessorReference(payment.id(), processorReference);
            session.commit(true);
        }
    }

    /** The invoices among {@code invoiceNetsuiteIds} in the scope with what is left to pay of each. */
    List<InvoiceBalance> balances(DataScope scope, List<Long> invoiceNetsuiteIds) {
        if (invoiceNetsuiteIds.isEmpty()) {
            return List.of();
        }
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(PayMapper.class).invoiceBalances(scope, invoiceNetsuiteIds, null);
        }
    }

    /** The payment's allocations, by invoice. */
    List<Allocation> allocations(Payment payment) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(PayMapper.class).allocations(payment.id());
        }
    }

    /** One payment in the scope. */
    Optional<Payment> find(DataScope scope, UUID publicId) {
        try (SqlSession session = sessions.openSession()) {
            return Optional.ofNullable(session.getMapper(PayMapper.class).find(scope, publicId));
        }
    }

    private static Currency checkOneCurrencyAndCustomer(List<InvoiceBalance> invoices) {
        var currencies = new HashSet<String>();
        var customers = new HashSet<Long>();
        for (InvoiceBalance invoice : invoices) {
            currencies.add(invoice.currency());
            customers.add(invoice.organizationId());
        }
        if (customers.size() > 1) {
            throw ProblemException.badRequest("Pay the invoices of one customer at a time.");
        }
        if (currencies.size() > 1 || currencies.contains(null)) {
            throw ProblemException.badRequest("Pay invoices in one currency at a time.");
        }
        try {
            return Currency.getInstance(currencies.iterator().next());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("These invoices' currency cannot be paid here.");
        }
    }

    private static void check(InvoiceBalance invoice, BigDecimal amount, Currency currency, Terms terms) {
        String field = "amount for " + invoice.number();
        if (amount == null || amount.signum() <= 0) {
            throw ProblemException.badRequest("The " + field + " must be more than zero.");
        }
        if (amount.stripTrailingZeros().scale() > Math.max(currency.getDefaultFractionDigits(), 0)) {
            throw ProblemException.badRequest("The " + field + " has more decimals than " + currency.getCurrencyCode()
                    + " allows.");
        }
        BigDecimal payable = invoice.payable();
        if (payable.signum() == 0) {
            throw ProblemException.conflict(invoice.number() + " is already paid.");
        }
        if (amount.compareTo(payable) > 0) {
            throw ProblemException.badRequest("The " + field + " is more than the " + payable.toPlainString() + " "
                    + currency.getCurrencyCode() + " left to pay.");
        }
        if (amount.compareTo(payable) < 0) {
            if (!terms.partialPayments()) {
                throw ProblemException.badRequest("Pay " + invoice.number() + " in full: partial payments are not "
                        + "accepted.");
            }
            if (amount.compareTo(terms.partialMinimum()) < 0) {
                throw ProblemException.badRequest("The " + field + " is below the smallest partial payment, "
                        + terms.partialMinimum().toPlainString() + " " + currency.getCurrencyCode() + ".");
            }
        }
    }
}
