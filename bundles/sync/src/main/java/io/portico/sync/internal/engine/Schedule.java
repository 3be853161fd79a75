package io.portico.sync.internal.engine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** When a sync runs by itself: a preset or a 5-field cron expression, evaluated in UTC; {@code manual} never. */
public final class Schedule {

    public static final String MANUAL = "manual";

    /** A preset: the cron expression it stands for, and how pages name it. */
    public record Preset(String cron, String label) {
    }

    /** Presets from every 5 minutes to weekly, in that order. */
    public static final Map<String, Preset> PRESETS = presetsInOrder();

    private static Map<String, Preset> presetsInOrder() {
        Map<String, Preset> p = new LinkedHashMap<>();
        p.put("5m", new Preset("*/5 * * * *", "Every 5 minutes"));
        p.put("15m", new Preset("*/15 * * * *", "Every 15 minutes"));
        p.put("30m", new Preset("*/30 * * * *", "Every 30 minutes"));
        p.put("hourly", new Preset("0 * * * *", "Every hour"));
        p.put("6h", new Preset("0 */6 * * *", "Every 6 hours"));
        p.put("12h", new Preset("0 */12 * * *", "Every 12 hours"));
        p.put("daily", new Preset("0 2 * * *", "Daily at 02:00 UTC"));
        p.put("weekly", new Preset("0 3 * * 0", "Weekly, Sundays at 03:00 UTC"));
        return Collections.unmodifiableMap(p);
    }

    private final String text;
    private final CronExpression cron;

    private Schedule(String text, CronExpression cron) {
        this.text = text;
        this.cron = cron;
    }

    /** @throws IllegalArgumentException when it is neither a preset nor a valid cron expression */
    public static Schedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("schedule is empty: use manual, a preset (" + presets()
                    + ") or a cron expression");
        }
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals(MANUAL)) {
            return new Schedule(MANUAL, null);
        }
        String name = lower.startsWith("@") ? lower.substring(1) : lower;
        Preset preset = PRESETS.get(name);
        if (preset != null) {
            return new Schedule(name, CronExpression.parse(preset.cron()));
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
    public String text() {
        return text;
    }

    /** The next run strictly after {@code after}; empty for a manual schedule. */
    public Optional<Instant> next(Instant after) {
        if (cron == null) {
            return Optional.empty();
        }
        return cron.next(after.atZone(ZoneOffset.UTC)).map(z -> z.toInstant());
    }
}
