package io.portico.sync.internal.engine;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Optional;

/**
 * A classic 5-field cron expression: {@code minute hour day-of-month month day-of-week}. Each field is {@code *}
 * (or {@code ?}), a value, a range {@code a-b}, a step {@code * /n}, {@code a-b/n} or {@code a/n}, or a comma list of
 * those. Months and weekdays may be named ({@code JAN}, {@code MON}); Sunday is 0 or 7. When both day fields are
 * restricted, a day matching either runs (as in Vixie cron). Immutable and thread-safe.
 */
final class CronExpression {

    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
        "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    /** How far ahead {@link #next} looks before it concludes the expression never fires. */
    private static final int SEARCH_YEARS = 8;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronExpression(String text, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months,
            BitSet daysOfWeek, boolean anyDayOfMonth, boolean anyDayOfWeek) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.anyDayOfMonth = anyDayOfMonth;
        this.anyDayOfWeek = anyDayOfWeek;
    }

    /** @throws IllegalArgumentException naming the field that is wrong, or when the expression never fires */
    static CronExpression parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("cron expression is empty");
        }
        String[] fields = text.strip().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("cron expression '" + text
                    + "' must have 5 fields: minute hour day-of-month month day-of-week");
        }
        BitSet minutes = field(fields[0], "minute", 0, 59, null);
        BitSet hours = field(fields[1], "hour", 0, 23, null);
        BitSet dom = field(fields[2], "day-of-month", 1, 31, null);
        BitSet months = field(fields[3], "month", 1, 12, MONTHS);
        BitSet dow = field(fields[4], "day-of-week", 0, 7, DAYS);
        if (dow.get(7)) {
            dow.set(0);
            dow.clear(7);
        }
        CronExpression cron = new CronExpression(String.join(" ", fields), minutes, hours, dom, months, dow,
                isAny(fields[2]), isAny(fields[4]));
        if (cron.next(ZonedDateTime.parse("2000-01-01T00:00Z")).isEmpty()) {
            throw new IllegalArgumentException("cron expression '" + text + "' never fires");
        }
        return cron;
    }

    private static boolean isAny(String field) {
        return field.equals("*") || field.equals("?");
    }

    private static BitSet field(String field, String name, int min, int max, String[] names) {
        BitSet bits = new BitSet(max + 1);
        for (String part : field.split(",", -1)) {
            try {
                part(part.toUpperCase(Locale.ROOT), min, max, names, bits);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cron " + name + " field '" + field + "': " + e.getMessage(), e);
            }
        }
        return bits;
    }

    private static void part(String part, int min, int max, String[] names, BitSet bits) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("empty list element");
        }
        int step = 1;
        String range = part;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            range = part.substring(0, slash);
            step = number(part.substring(slash + 1), 1, max, null);
        }
        int from;
        int to;
        if (range.equals("*") || range.equals("?")) {
            from = min;
            to = max;
        } else if (range.contains("-")) {
            String[] ends = range.split("-", -1);
            if (ends.length != 2) {
                throw new IllegalArgumentException("bad range '" + range + "'");
            }
            from = number(ends[0], min, max, names);
            to = number(ends[1], min, max, names);
            if (from > to) {
                throw new IllegalArgumentException("range '" + range + "' runs backwards");
            }
        } else {
            from = number(range, min, max, names);
            to = slash >= 0 ? max : from;
        }
        for (int v = from; v <= to; v += step) {
            bits.set(v);
        }
    }

    private static int number(String text, int min, int max, String[] names) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(text)) {
                    return names == MONTHS ? i + 1 : i;
                }
            }
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number", e);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is outside " + min + "-" + max);
        }
        return value;
    }

    /** The first time strictly after {@code after} (to the minute) when the expression fires, in its zone. */
    Optional<ZonedDateTime> next(ZonedDateTime after) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusYears(SEARCH_YEARS);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
        if (anyDayOfMonth || anyDayOfWeek) {
            return dom && dow;
        }
        return dom || dow;
    }

    @Override
    public String toString() {
        return text;
    }
}
