package io.portico.pay.internal;

import io.portico.api.identity.DataScope;
import io.portico.api.identity.PortalUser;
import io.portico.api.web.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/**
 * Who reads the payments made in Portico, and the filters of a list as the pages and the API take them: a customer
 * user who may view invoices reads their organization's, operator staff the whole tenant's. Anyone else, and an id
 * that is not a payment here, get the same 404.
 */
final class PaymentsAccess {

    static final Set<String> STATUSES = Set.of("confirming", "requires_action", "processing", "succeeded", "failed",
            "canceled", "refunded", "partially_refunded", "disputed");
    static final int DEFAULT_SIZE = 50;

    private PaymentsAccess() {
    }

    static PortalUser reader(PortalUser user) {
        if (!user.operatorStaff() && !user.canView("invoice")) {
            throw ProblemException.notFound("There are no payments here.");
        }
        return user;
    }

    static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no such payment here.");
        }
    }

    /**
     * The filter from the query's parameters ({@code customer} only for operator staff).
     *
     * @throws ProblemException 400 naming the parameter that is not valid
     */
    static PaymentFilter filter(DataScope scope, String customer, String status, String from, String to,
            String page, String size) {
        Long organization = null;
        if (customer != null && !customer.isBlank()) {
            if (scope.organizationId() != null) {
                throw ProblemException.badRequest("The customer filter is for the operator's staff.");
            }
            organization = positive("customer", customer, Long.MAX_VALUE);
        }
        String wanted = status == null || status.isBlank() ? null : status.trim();
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw ProblemException.badRequest("The status is one of " + String.join(", ",
                    STATUSES.stream().sorted().toList()) + ".");
        }
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw ProblemException.badRequest("The to date is before the from date.");
        }
        int pageSize = size == null || size.isBlank() ? DEFAULT_SIZE
                : (int) positive("size", size, PaymentsQuery.MAX_PAGE);
        int pageNumber = page == null || page.isBlank() ? 1 : (int) positive("page", page, 100_000);
        return new PaymentFilter(scope, organization, wanted, fromDate, toDate, (pageNumber - 1) * pageSize,
                pageSize);
    }

    static long positive(String name, String value, long max) {
        try {
            long number = Long.parseLong(value.trim());
            if (number < 1 || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("The " + name + " must be a whole number from 1 to " + max + ".");
        }
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("The " + name + " date must be written YYYY-MM-DD.");
        }
    }
}
