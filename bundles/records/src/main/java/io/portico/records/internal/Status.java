package io.portico.records.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** How a record's status reads, with the class of its pill. */
record Status(String label, String pill) {

    /**
     * An open invoice past its due date is overdue (by whole days since); one partly paid says so, whatever the
     * operator calls the status: those are facts the portal works out, not values NetSuite sends. Else the status
     * reads as {@code display}, the operator's name for it, or when there is none as the status itself.
     */
    static Status of(String status, String display, LocalDate due, BigDecimal total, BigDecimal remaining,
            LocalDate today) {
        if (status == null) {
            return new Status("", "pill-neutral");
        }
        boolean owes = remaining != null && remaining.signum() > 0;
        if ("open".equals(status) && owes && due != null && due.isBefore(today)) {
            long days = ChronoUnit.DAYS.between(due, today);
            return new Status("Overdue · " + days + (days == 1 ? " day" : " days"), "pill-overdue");
        }
        if ("open".equals(status) && owes && total != null && remaining.compareTo(total) < 0) {
            return new Status("Partially paid", "pill-partial");
        }
        String label = display != null ? display
                : Character.toUpperCase(status.charAt(0)) + status.substring(1).replace('-', ' ');
        String pill = switch (status) {
            case "open", "pending-approval", "pending-fulfillment", "pending-billing" -> "pill-open";
            case "paid", "billed", "deposited", "applied", "fully-applied", "shipped", "closed" -> "pill-paid";
            case "voided", "rejected", "cancelled", "payment-failed" -> "pill-failed";
            case "payment-processing" -> "pill-processing";
            default -> "pill-neutral";
        };
        return new Status(label, pill);
    }

    /** As templates read it. */
    Map<String, String> view() {
        return Map.of("label", label, "pill", pill);
    }
}
