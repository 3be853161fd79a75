package io.portico.sync.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** When a sync runs by itself: a preset or a 5-field cron expression, evaluated in UTC; {@code manual} never. */
final class Schedule {

    static final String MANUAL = "manual";

    /** Presets from every 5 minutes to weekly, as cron expressions. */
    static final Map<String, String> PRESETS = Map.of(
            "5m", "*/5 * * * *",
            "15m", "*/15 * * * *",
            "30m", "*/30 * * * *",
            "hourly", "0 * * * *",
            "6h", "0 */6 * * *",
            "12h", "0 */12 * * *",
            "daily", "0 2 * * *",
            "weekly", "0 3 * * 0");

    private final String text;
    private final CronExpression cron;

    private Schedule(String text, CronExpression cron) {
        this.text = text;
        this.cron = cron;
    }

    /** @throws IllegalArgumentException when it is neither a preset nor a valid cron expression */
    static Schedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("schedule is empty: use manual, a preset (" + presets()
                    + ") or a cron expression");
        }
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals(MANUAL)) {
            return new Schedule(MANUAL, null);
        }
        String preset = PRESETS.get(lower.startsWith("@") ? lower.substring(1) : lower);
        if (preset != null) {
            return new Schedule(lower.startsWith("@") ? lower.substring(1) : lower, CronExpression.parse(preset));
        }
        if (!t.contains(" ")) {
            throw new IllegalArgumentException("schedule '" + t + "' is not a preset (manual, " + presets()
                    + ") or a 5-field cron expression");
        }
        return new Schedule(t, CronExpression.parse(t));
    }

    private static String presets() {
        return String.join(", ", PRESETS.keySet().stream().sorted().toList());
    }

    /** The schedule as configured (a preset name or the cron expression). */
    String text() {
        return text;
    }

    /** The next run strictly after {@code after}; empty for a manual schedule. */
    Optional<Instant> next(Instant after) {
        if (cron == null) {
            return Optional.empty();
        }
        return cron.next(after.atZone(ZoneOffset.UTC)).map(z -> z.toInstant());
    }
}
