package io.portico.tools.stripedouble;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request's parameters as Stripe reads them: {@code application/x-www-form-urlencoded} pairs whose keys nest with
 * brackets ({@code transfer_data[destination]}, {@code expand[0]}, {@code expand[]}).
 */
final class FormParams {

    private final Map<String, List<String>> flat;

    private FormParams(Map<String, List<String>> flat) {
        this.flat = flat;
    }

    static FormParams parse(String encoded) {
        Map<String, List<String>> flat = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                flat.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        return new FormParams(flat);
    }

    /** These parameters without one key. */
    FormParams without(String key) {
        Map<String, List<String>> rest = new LinkedHashMap<>(flat);
        rest.remove(key);
        return new FormParams(rest);
    }

    /** Every key as sent. */
    Iterable<String> keys() {
        return flat.keySet();
    }

    /** The value of a key as sent ({@code a[b]}), or {@code null}. */
    String get(String key) {
        List<String> values = flat.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    Long getLong(String key) throws StripeError {
        String value = get(key);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw StripeError.invalid(key, "Invalid integer: " + value);
        }
    }

    /** The values of a list parameter, sent as {@code name[0]}, {@code name[1]}… or {@code name[]}. */
    List<String> list(String name) {
        TreeMap<Integer, String> indexed = new TreeMap<>();
        List<String> plain = new ArrayList<>();
        String prefix = name + "[";
        flat.forEach((key, values) -> {
            if (key.startsWith(prefix) && key.endsWith("]") && key.indexOf('[', prefix.length()) < 0) {
                String index = key.substring(prefix.length(), key.length() - 1);
                if (index.isEmpty()) {
                    plain.addAll(values);
                } else if (index.chars().allMatch(Character::isDigit)) {
                    indexed.put(Integer.parseInt(index), values.get(0));
                }
            }
        });
        List<String> all = new ArrayList<>(indexed.values());
        all.addAll(plain);
        return all;
    }

    /** The entries of a map parameter ({@code metadata[key]=value}). */
    Map<String, String> map(String name) {
        Map<String, String> entries = new LinkedHashMap<>();
        String prefix = name + "[";
        flat.forEach((key, values) -> {
            if (key.startsWith(prefix) && key.endsWith("]") && key.indexOf('[', prefix.length()) < 0) {
                entries.put(key.substring(prefix.length(), key.length() - 1), values.get(0));
            }
        });
        return entries;
    }

    /** The parameters in a canonical order, to tell whether two requests with one idempotency key are the same. */
    String fingerprint() {
        return new TreeMap<>(flat).toString();
    }
}
