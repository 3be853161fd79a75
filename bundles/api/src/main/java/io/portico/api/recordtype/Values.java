package io.portico.api.recordtype;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The checks {@link SyncedRecord} and {@link SyncedLine} apply, so bad data fails one record, never a page. */
final class Values {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal MAX_NUMBER = BigDecimal.TEN.pow(15);

    private Values() {
    }

    static String text(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new RecordMappingException("'" + field + "' has " + value.length() + " characters, more than "
                    + max, field, RecordMappingException.shorten(value), null);
        }
        if (value.indexOf('\0') >= 0) {
            throw new RecordMappingException("'" + field + "' contains a NUL character", field,
                    RecordMappingException.shorten(value.replace('\0', '?')), null);
        }
        return value;
    }

    static String currency(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (!CURRENCY.matcher(v).matches()) {
            throw RecordMappingException.invalid("currency", value, "an ISO 4217 currency code such as USD");
        }
        return v;
    }

    static BigDecimal number(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.abs().compareTo(MAX_NUMBER) >= 0 || value.scale() > SyncedRecord.MAX_SCALE) {
            throw RecordMappingException.invalid(field, value.toPlainString(),
                    "a number below 10^15 with at most " + SyncedRecord.MAX_SCALE + " decimals");
        }
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    static LocalDate date(String field, LocalDate value) {
        if (value != null && (value.getYear() < 1 || value.getYear() > 9999)) {
            throw RecordMappingException.invalid(field, value.toString(), "a date between the years 1 and 9999");
        }
        return value;
    }

    /** A JSON-compatible copy of an attribute value; dates become ISO text. */
    static Object attribute(String key, Object value, int[] budget) {
        if (value == null || value instanceof Boolean) {
            spend(key, budget, 5);
            return value;
        }
        if (value instanceof String s) {
            text(key, s, SyncedRecord.MAX_ATTRIBUTE_CHARS);
            spend(key, budget, s.length() + 2);
            return s;
        }
        if (value instanceof BigDecimal d) {
            spend(key, budget, 20);
            return number(key, d);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            spend(key, budget, 20);
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw RecordMappingException.invalid(key, String.valueOf(d), "a finite number");
            }
            spend(key, budget, 25);
            return number(key, BigDecimal.valueOf(d));
        }
        if (value instanceof LocalDate || value instanceof Instant) {
            spend(key, budget, 30);
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String k = key(e.getKey());
                copy.put(k, attribute(key + "." + k, e.getValue(), budget));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(attribute(key, item, budget));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new RecordMappingException("attribute '" + key + "' is a " + value.getClass().getName()
                + ", which cannot be stored as JSON", key, null, null);
    }

    static String key(Object key) {
        if (!(key instanceof String k) || k.isEmpty() || k.length() > 100 || k.indexOf('\0') >= 0) {
            throw new RecordMappingException("attribute key '" + key + "' must be 1 to 100 characters of text");
        }
        return k;
    }

    private static void spend(String key, int[] budget, int chars) {
        budget[0] -= chars + key.length() + 4;
        if (budget[0] < 0) {
            throw new RecordMappingException("the attributes exceed " + SyncedRecord.MAX_ATTRIBUTES_CHARS
                    + " characters of JSON", key, null, null);
        }
    }
}
