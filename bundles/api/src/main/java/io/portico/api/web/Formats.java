package io.portico.api.web;

import io.portico.api.identity.PortalUser;
import io.portico.api.recordtype.FieldType;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Values as one reader reads them, for every page that shows them: money in its currency and numbers in the
 * reader's language (the first usable {@code Accept-Language}, else US English), calendar dates in the language's own
 * order, and moments (a sync run, an audit entry, a last change) in the reader's time zone.
 *
 * <p>A calendar date (an invoice's date, a due date) is the same day everywhere: it is never shifted by the zone.
 *
 * <p>One instance serves one request (one thread): it keeps the number formats it made, which are not thread-safe.
 *
 * @since 1.4
 */
public final class Formats {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter moments;
    /** By currency code: a list page formats dozens of amounts, and making a currency format is costly. */
    private final Map<String, MoneyFormat> moneyFormats = new HashMap<>();
    private NumberFormat numberFormat;

    /**
     * @param accepted the request's acceptable languages, best first ({@code HttpHeaders.getAcceptableLanguages()})
     * @param zone the reader's time zone, or {@code null} for UTC (a reader who has not chosen one)
     */
    public Formats(List<Locale> accepted, ZoneId zone) {
        this.locale = accepted.stream().filter(l -> !l.getLanguage().isEmpty() && !"*".equals(l.getLanguage()))
                .findFirst().orElse(Locale.US);
        this.zone = zone == null ? UTC : zone;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        // The zone's short name ("CET", "GMT+1") after the time says which clock the time is on.
        this.moments = new DateTimeFormatterBuilder().appendLocalized(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .appendLiteral(' ').appendZoneText(TextStyle.SHORT).toFormatter(locale).withZone(this.zone);
    }

    /** For a signed-in reader: their time zone, or UTC until they have one. */
    public static Formats forReader(List<Locale> accepted, PortalUser user) {
        return new Formats(accepted, user == null ? null : user.timeZone());
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        MoneyFormat money = moneyFormats.computeIfAbsent(currency == null ? "" : currency, this::moneyFormat);
        String text = money.format().format(amount);
        return money.known() || currency == null ? text : text + " " + currency;
    }

    private record MoneyFormat(NumberFormat format, boolean known) {}

    /** The currency's format, or for an unknown currency a plain one with two decimals (its code then follows). */
    private MoneyFormat moneyFormat(String currency) {
        try {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(Currency.getInstance(currency));
            return new MoneyFormat(format, true);
        } catch (IllegalArgumentException unknownCurrency) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(2);
            format.setMaximumFractionDigits(2);
            return new MoneyFormat(format, false);
        }
    }

    public String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        if (numberFormat == null) {
            numberFormat = NumberFormat.getNumberInstance(locale);
        }
        return numberFormat.format(value);
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A calendar date, as it is: no zone applies. */
    public String date(LocalDate date) {
        return date == null ? "" : dates.format(date);
    }

    /** A moment on the reader's clock, with the zone's short name; empty for none. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : moments.format(instant);
    }

    /** A field's value as text: money in the record's currency, dates localised, moments in the zone, lists joined. */
    public String value(Object value, FieldType type, String currency) {
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
            return type == FieldType.DATE ? date(instant.atZone(zone).toLocalDate()) : dateTime(instant);
        }
        if (type == FieldType.DATE && value instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return date(LocalDate.parse(text));
        }
        if (type == FieldType.DATETIME && value instanceof String text) {
            Instant instant = instant(text);
            return instant == null ? text : dateTime(instant);
        }
        if (type == FieldType.BOOLEAN) {
            return Boolean.parseBoolean(value.toString()) ? "Yes" : "No";
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return value.toString();
    }

    /** A number however it came (JSON number or text); {@code null} when it is none. */
    public static BigDecimal decimal(Object value) {
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

    /** A zone by its IANA name ("Europe/Paris"), or {@code null} for a blank or unknown one. */
    public static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** An ISO-8601 moment with an offset, as attributes hold them; {@code null} when the text is not one. */
    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
