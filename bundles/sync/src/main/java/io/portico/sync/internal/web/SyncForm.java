package io.portico.sync.internal.web;

import io.portico.api.sync.SyncSettings;
import io.portico.sync.internal.engine.InvalidSettingException;
import io.portico.sync.internal.engine.Schedule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The configuration form of the sync page: its fields as text, as shown or as the administrator typed them. Turning
 * them into settings only parses the text; whether the settings are valid is the engine's to say.
 *
 * @param enabled whether "sync this record type" is ticked
 * @param paused whether "pause the schedule" is ticked
 * @param schedule the chosen schedule: {@code manual}, a preset, or {@link #CRON} for the cron field
 * @param cron the cron expression, when {@code schedule} is {@link #CRON}
 * @param initialWindowDays days, or empty to load everything at once
 * @param subsidiaryIds NetSuite subsidiary ids separated by commas, or empty for all
 * @param customCondition the SuiteQL condition, or empty
 */
// Public for the templates, which read the fields through the accessors.
public record SyncForm(boolean enabled, boolean paused, String schedule, String cron, String initialWindowDays,
        String subsidiaryIds, String customCondition) {

    /** The schedule choice that takes the cron field. */
    static final String CRON = "cron";

    /** The settings the form shows, by the names of their fields. */
    static final Set<String> FIELDS = Set.of("enabled", "paused", "schedule", "initialWindowDays", "subsidiaryIds",
            "customCondition");

    /** Every schedule choice with its label, in the order the form offers them. */
    static final Map<String, String> SCHEDULES = schedules();

    private static final Pattern DAYS = Pattern.compile("\\d{1,9}");
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    public SyncForm {
        schedule = text(schedule);
        cron = text(cron);
        initialWindowDays = text(initialWindowDays);
        subsidiaryIds = text(subsidiaryIds);
        customCondition = text(customCondition);
    }

    /** The form showing the settings as configured. */
    static SyncForm of(SyncSettings s) {
        boolean preset = SCHEDULES.containsKey(s.schedule()) && !CRON.equals(s.schedule());
        return new SyncForm(s.enabled(), s.paused(), preset ? s.schedule() : CRON, preset ? "" : s.schedule(),
                s.initialWindowDays() == null ? "" : s.initialWindowDays().toString(),
                s.subsidiaryIds().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                s.customCondition());
    }

    /**
     * The form's settings as a partial update for {@link Settings#merge}; the settings it does not show keep their
     * values.
     *
     * @throws InvalidSettingException when a number field does not hold numbers
     */
    Map<String, Object> changes() {
        Map<String, Object> changes = new HashMap<>();
        changes.put("enabled", enabled);
        changes.put("paused", paused);
        changes.put("schedule", CRON.equals(schedule) ? cron : schedule);
        changes.put("initialWindowDays", days());
        changes.put("subsidiaryIds", ids());
        changes.put("customCondition", customCondition.isEmpty() ? null : customCondition);
        return changes;
    }

    /** The label of a configured schedule: a preset's name, or the cron expression. */
    static String label(String schedule) {
        String preset = SCHEDULES.get(schedule);
        return preset != null && !CRON.equals(schedule) ? preset : "cron " + schedule + " (UTC)";
    }

    private Integer days() {
        if (initialWindowDays.isEmpty()) {
            return null;
        }
        if (!DAYS.matcher(initialWindowDays).matches()) {
            throw new InvalidSettingException("initialWindowDays", "Enter a whole number of days, or leave it "
                    + "empty to load everything at once.");
        }
        return Integer.valueOf(initialWindowDays);
    }

    private List<Long> ids() {
        List<Long> ids = new ArrayList<>();
        for (String id : subsidiaryIds.split("[,\\s]+")) {
            if (id.isEmpty()) {
                continue;
            }
            if (!ID.matcher(id).matches()) {
                throw new InvalidSettingException("subsidiaryIds", "Enter NetSuite subsidiary ids (numbers) "
                        + "separated by commas, or leave it empty for all subsidiaries.");
            }
            ids.add(Long.valueOf(id));
        }
        return ids;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** Manual, the engine's presets, and a cron expression. */
    private static Map<String, String> schedules() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(Schedule.MANUAL, "Only when started by hand");
        Schedule.PRESETS.forEach((name, preset) -> s.put(name, preset.label()));
        s.put(CRON, "Cron expression (UTC)");
        return Collections.unmodifiableMap(s);
    }
}
