package io.portico.api.health;

import java.util.Map;

/**
 * @param up whether this aspect works
 * @param detail a one-line human explanation
 * @param data extra facts shown in the JSON report (for example a pool's active connections)
 */
public record HealthResult(boolean up, String detail, Map<String, Object> data) {

    public HealthResult {
        data = Map.copyOf(data);
    }

    public static HealthResult up(String detail) {
        return new HealthResult(true, detail, Map.of());
    }

    public static HealthResult down(String detail) {
        return new HealthResult(false, detail, Map.of());
    }
}
