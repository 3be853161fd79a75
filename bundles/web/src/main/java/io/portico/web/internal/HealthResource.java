package io.portico.web.internal;

import io.portico.api.health.HealthReport;
import io.portico.api.health.HealthResult;
import io.portico.api.health.HealthService;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** {@code /health}: 200 when every check is up, 503 otherwise, with the same JSON report either way. */
@Path("health")
public final class HealthResource {

    private final HealthService health;

    HealthResource(HealthService health) {
        this.health = health;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        HealthReport report = health.report();
        return Response.status(report.up() ? 200 : 503).entity(new HealthView(report))
                .header("Cache-Control", "no-store").build();
    }

    /** The JSON shape of the report: status first, as load balancers and people read it. */
    public record HealthView(String status, String version, boolean databaseReachable,
            Map<String, HealthResult> checks, Map<String, Integer> plugins, List<String> problems) {

        HealthView(HealthReport report) {
            this(report.status(), report.version(),
                    report.checks().containsKey("database") && report.checks().get("database").up(),
                    report.checks(), report.plugins(), report.problems());
        }
    }
}
