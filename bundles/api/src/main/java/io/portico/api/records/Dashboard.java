package io.portico.api.records;

import java.math.BigDecimal;
import java.util.List;

/**
 * Receivables at a glance, each figure per currency, never converted.
 *
 * @param balances one entry per currency with open invoices or unapplied credits
 * @param recentActivity the newest invoices, payments, credit memos and sales orders, newest first
 * @param customer the customer's own record (billing address, terms, credit limit, balance) for a customer's scope,
 *         or {@code null}
 * @param mostOverdue for the whole tenant's scope, the organizations with the most overdue, largest first; empty
 *         for a customer's scope
 */
public record Dashboard(List<Balance> balances, List<Record> recentActivity, Record customer,
        List<OrganizationOverdue> mostOverdue) {

    /** The aging buckets, in order: not yet due, then days past due. */
    public static final List<String> AGING_BUCKETS = List.of("Current", "1–30", "31–60", "61–90", "90+");

    public Dashboard {
        balances = List.copyOf(balances);
        recentActivity = List.copyOf(recentActivity);
        mostOverdue = List.copyOf(mostOverdue);
    }

    /**
     * @param open what open invoices still owe
     * @param overdue the part of it past its due date
     * @param dueNext30Days the part due from today through the next 30 days
     * @param unappliedCredits credit memos and payments not yet applied to an invoice
     * @param aging the amount owed per {@link #AGING_BUCKETS} bucket
     */
    public record Balance(String currency, BigDecimal open, BigDecimal overdue, BigDecimal dueNext30Days,
            BigDecimal unappliedCredits, List<BigDecimal> aging) {

        public Balance {
            aging = List.copyOf(aging);
        }
    }

    public record OrganizationOverdue(long organizationId, String organizationName, String currency,
            BigDecimal overdue) {
    }
}
