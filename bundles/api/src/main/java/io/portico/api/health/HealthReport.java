package io.portico.api.health;

import java.util.List;
import java.util.Map;

/**
 * The server's health as {@code /health} and {@code portico:health} show it.
 *
 * @param up whether every check is up
 * @param version Portico's version
 * @param checks each registered check by name
 * @param plugins how many plugin services are active, by kind
 * @param problems plugins that are refused or failed, one line each
 */
public record HealthReport(boolean up, String version, Map<String, HealthResult> checks, Map<String, Integer> plugins,
        List<String> problems) {

    public HealthReport {
        checks = Map.copyOf(checks);
        plugins = Map.copyOf(plugins);
        problems = List.copyOf(problems);
    }

    public String status() {
        return up ? "UP" : "DOWN";
    }
}
