package io.portico.records.internal;

import io.portico.api.recordtype.FieldType;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Values as a reader in one locale reads them: money in its currency, dates in the locale's own order. */
final class Formats {

    private final Locale locale;
    private final DateTimeFormatter dates;

    Formats(List<Locale> accepted) {
        this.locale = accepted.stream().filter(l -> !l.getLanguage().isEmpty() && !"*".equals(l.getLanguage()))
                .findFirst().orElse(Locale.US);
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    Locale locale() {
        return locale;
    }

    String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format;
        try {
            format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(Currency.getInstance(currency == null ? "" : currency));
        } catch (IllegalArgumentException unknownCurrency) {
            format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(2);
            format.setMaximumFractionDigits(2);
            return format.format(amount) + (currency == null ? "" : " " + currency);
        }
        return format.format(amount);
    }

    String number(BigDecimal value) {
        return value == null ? "" : NumberFormat.getNumberInstance(locale).format(value);
    }

    String date(LocalDate date) {
        return date == null ? "" : dates.format(date);
    }

    /** A field's value as text: money in the record's currency, dates localised, lists joined. */
    String value(Object value, FieldType type, String currency) {
        if (value == null) {
            return "";
        }
        if (type == FieldType.MONEY) {
            return money(decimal(value), currency);
        }
        if (type == FieldType.NUMBER) {
            BigDecimal number = decimal(value);
            return number == null ? value.toString() : number(number);
        }
        if (value instanceof LocalDate date) {
            return date(date);
        }
        if (value instanceof Instant instant) {
            return date(instant.atZone(ZoneOffset.UTC).toLocalDate());
        }
        if (type == FieldType.DATE && value instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return date(LocalDate.parse(text));
        }
        if (type == FieldType.BOOLEAN) {
            return Boolean.parseBoolean(value.toString()) ? "Yes" : "No";
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return value.toString();
    }

    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        try {
            return value == null ? null : new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** How a status reads, with the class of its pill; an open invoice past its due date is overdue. */
    static Status status(String status, LocalDate due, BigDecimal total, BigDecimal remaining, LocalDate today) {
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
        String label = Character.toUpperCase(status.charAt(0)) + status.substring(1).replace('-', ' ');
        String pill = switch (status) {
            case "open", "pending-approval", "pending-fulfillment", "pending-billing" -> "pill-open";
            case "paid", "billed", "deposited", "applied", "fully-applied", "shipped", "closed" -> "pill-paid";
            case "voided", "rejected", "cancelled" -> "pill-failed";
            default -> "pill-neutral";
        };
        return new Status(label, pill);
    }

    record Status(String label, String pill) {

        /** As templates read it. */
        Map<String, String> view() {
            return Map.of("label", label, "pill", pill);
        }
    }
}
