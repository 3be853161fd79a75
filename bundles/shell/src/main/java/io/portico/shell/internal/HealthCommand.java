package io.portico.shell.internal;

import io.portico.api.health.HealthReport;
import io.portico.api.health.HealthService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "portico", name = "health", description = "Prints the health report; fails when the server is DOWN")
@Service
public class HealthCommand implements Action {

    @Reference
    private HealthService health;

    @Override
    public Object execute() {
        HealthReport report = health.report();
        System.out.println("Portico " + report.version() + ": " + report.status());
        report.checks().forEach((name, result) -> {
            System.out.printf("  %-12s %-4s %s%n", name, result.up() ? "UP" : "DOWN", result.detail());
            result.data().forEach((key, value) -> System.out.printf("  %-12s      %s = %s%n", "", key, value));
        });
        System.out.println("  plugins      " + (report.plugins().isEmpty() ? "none" : report.plugins()));
        report.problems().forEach(p -> System.out.println("  problem      " + p));
        if (!report.up()) {
            throw new IllegalStateException("Portico is DOWN");
        }
        return null;
    }
}
