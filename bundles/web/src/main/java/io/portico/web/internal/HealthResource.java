package io.portico.web.internal;

import io.portico.api.health.HealthReport;
import io.portico.api.health.HealthResult;
import io.portico.api.health.HealthService;
import io.portico.api.identity.PortalUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

/**
 * {@code /health}: 200 when every check is up, 503 otherwise. Anyone gets the status; the report behind it (checks
 * with their data, such as the NetSuite account, plugins, problems) goes only to the operator's owners and admins
 * and to monitoring that sends the configured token as {@code Authorization: Bearer}.
 */
@Path("health")
public final class HealthResource {

    private static final String BEARER = "Bearer ";

    private final HealthService health;
    /** SHA-256 of the monitoring token, or null when none is configured. */
    private final byte[] tokenHash;

    HealthResource(HealthService health, String monitoringToken) {
        this.health = health;
        this.tokenHash = monitoringToken == null || monitoringToken.isBlank() ? null : sha256(monitoringToken.strip());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health(@Context SecurityContext security,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        HealthReport report = health.report();
        Object body = mayReadDetails(security, authorization) ? new HealthView(report)
                : Map.of("status", report.status());
        return Response.status(report.up() ? 200 : 503).entity(body).header("Cache-Control", "no-store").build();
    }

    private boolean mayReadDetails(SecurityContext security, String authorization) {
        Optional<PortalUser> user = PortalUser.from(security == null ? null : security.getUserPrincipal());
        if (user.isPresent() && user.get().operatorStaff() && user.get().managesMembers()) {
            return true;
        }
        if (tokenHash == null || authorization == null
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        // Hashing first makes the comparison take the same time whatever the length of the token presented.
        return MessageDigest.isEqual(tokenHash, sha256(authorization.substring(BEARER.length()).strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
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
