package io.portico.sync.internal.admin;

import io.portico.api.sync.SyncSettings;
import io.portico.api.web.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sync settings as JSON: partial updates merged over the current settings, with clear errors for wrong types. */
public final class Settings {

    private static final Set<String> KEYS = Set.of("enabled", "paused", "schedule", "initialWindowDays",
            "subsidiaryIds", "customCondition", "onDelete", "overlapSeconds", "pageSize", "parallelism");

    private Settings() {
    }

    public static SyncSettings merge(SyncSettings current, Map<String, Object> body) {
        for (String key : body.keySet()) {
            if (!KEYS.contains(key)) {
                throw ProblemException.badRequest("Unknown setting '" + key + "'; known: " + KEYS.stream().sorted()
                        .toList() + ".");
            }
        }
        return new SyncSettings(
                bool(body, "enabled", current.enabled()),
                bool(body, "paused", current.paused()),
                string(body, "schedule", current.schedule()),
                body.containsKey("initialWindowDays") ? integerOrNull(body.get("initialWindowDays"),
                        "initialWindowDays") : current.initialWindowDays(),
                body.containsKey("subsidiaryIds") ? ids(body.get("subsidiaryIds")) : current.subsidiaryIds(),
                body.containsKey("customCondition") ? (String) typed(body.get("customCondition"), String.class,
                        "customCondition") : current.customCondition(),
                string(body, "onDelete", current.onDelete()),
                integer(body, "overlapSeconds", current.overlapSeconds()),
                integer(body, "pageSize", current.pageSize()),
                integer(body, "parallelism", current.parallelism()));
    }

    public static Map<String, Object> view(SyncSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", s.enabled());
        m.put("paused", s.paused());
        m.put("schedule", s.schedule());
        m.put("initialWindowDays", s.initialWindowDays());
        m.put("subsidiaryIds", s.subsidiaryIds());
        m.put("customCondition", s.customCondition());
        m.put("onDelete", s.onDelete());
        m.put("overlapSeconds", s.overlapSeconds());
        m.put("pageSize", s.pageSize());
        m.put("parallelism", s.parallelism());
        return m;
    }

    private static boolean bool(Map<String, Object> body, String key, boolean current) {
        return body.containsKey(key) ? (Boolean) typed(body.get(key), Boolean.class, key) : current;
    }

    private static String string(Map<String, Object> body, String key, String current) {
        return body.containsKey(key) ? (String) typed(body.get(key), String.class, key) : current;
    }

    private static int integer(Map<String, Object> body, String key, int current) {
        if (!body.containsKey(key)) {
            return current;
        }
        Integer v = integerOrNull(body.get(key), key);
        if (v == null) {
            throw ProblemException.badRequest("'" + key + "' must be a whole number.");
        }
        return v;
    }

    private static Integer integerOrNull(Object value, String key) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        throw ProblemException.badRequest("'" + key + "' must be a whole number.");
    }

    private static List<Long> ids(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw ProblemException.badRequest("'subsidiaryIds' must be a list of NetSuite ids.");
        }
        List<Long> ids = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Number n && n.longValue() == n.doubleValue()) {
                ids.add(n.longValue());
            } else if (o instanceof String s && s.matches("\\d{1,18}")) {
                ids.add(Long.valueOf(s));
            } else {
                throw ProblemException.badRequest("'subsidiaryIds' must be a list of NetSuite ids.");
            }
        }
        return ids;
    }

    private static Object typed(Object value, Class<?> type, String key) {
        if (value != null && !type.isInstance(value)) {
            throw ProblemException.badRequest("'" + key + "' must be " + (type == Boolean.class ? "true or false"
                    : "text") + ".");
        }
        if (value == null && type == Boolean.class) {
            throw ProblemException.badRequest("'" + key + "' must be true or false.");
        }
        return value;
    }
}
