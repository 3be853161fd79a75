package io.portico.identity.internal.user;

import io.portico.api.identity.Access;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The per-record-type narrowing of a membership, stored as {@code {"invoice": "view"}}. */
public final class RecordAccess {

    private static final Pattern RECORD_TYPE = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final int MAX_ENTRIES = 100;

    private RecordAccess() {
    }

    /** Reads the stored form; unknown values count as no access, so a bad row never widens access. */
    public static Map<String, Access> parse(Map<String, Object> stored) {
        Map<String, Access> result = new LinkedHashMap<>();
        stored.forEach((type, value) -> result.put(type, access(String.valueOf(value))));
        return result;
    }

    /** @throws IllegalArgumentException on an invalid record-type name or access */
    public static Map<String, Object> validate(Map<String, String> requested) {
        if (requested.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("at most " + MAX_ENTRIES + " record types");
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        requested.forEach((type, value) -> {
            if (type == null || !RECORD_TYPE.matcher(type).matches()) {
                throw new IllegalArgumentException("not a record-type name: " + type);
            }
            if (value == null || !value.toLowerCase(Locale.ROOT).matches("none|view|pay")) {
                throw new IllegalArgumentException("access for " + type + " must be none, view or pay");
            }
            stored.put(type, value.toLowerCase(Locale.ROOT));
        });
        return stored;
    }

    private static Access access(String value) {
        return switch (value) {
            case "view" -> Access.VIEW;
            case "pay" -> Access.PAY;
            default -> Access.NONE;
        };
    }
}
