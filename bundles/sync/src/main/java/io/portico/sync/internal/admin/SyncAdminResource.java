package io.portico.sync.internal.admin;

import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.sync.SyncConfig;
import io.portico.api.sync.SyncException;
import io.portico.api.sync.SyncFailingRecord;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncRunError;
import io.portico.api.sync.SyncService;
import io.portico.api.sync.SyncSettings;
import io.portico.api.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

/**
 * {@code /api/admin/sync}: configurations, runs (start, stop, progress), history and errors, as JSON. Only the
 * operator's administrators may call it: a signed-in user who is owner or admin of the operator organization, or
 * automation that sends the configured {@code X-Portico-Admin-Token}.
 */
@Path("api/admin/sync")
@Produces(MediaType.APPLICATION_JSON)
public final class SyncAdminResource {

    /** The header automation sends with the token configured in {@code io.portico.sync}. */
    public static final String TOKEN_HEADER = "X-Portico-Admin-Token";

    private final SyncService sync;
    private final byte[] token;

    public SyncAdminResource(SyncService sync, String token) {
        this.sync = sync;
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    @GET
    public Map<String, Object> list(@Context SecurityContext security, @HeaderParam(TOKEN_HEADER) String key) {
        requireAdmin(security, key);
        List<Object> configs = new ArrayList<>();
        for (SyncConfig c : call(sync::configs)) {
            configs.add(view(c));
        }
        return Map.of("configs", configs);
    }

    @GET
    @Path("{type}")
    public Map<String, Object> get(@PathParam("type") String type, @Context SecurityContext security,
            @HeaderParam(TOKEN_HEADER) String key) {
        requireAdmin(security, key);
        return view(config(type));
    }

    /**
     * Creates or changes a configuration; settings left out keep their current (or default) values. A record type no
     * plugin has and nobody configured is not found.
     */
    @PUT
    @Path("{type}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> configure(@PathParam("type") String type, Map<String, Object> body,
            @Context SecurityContext security, @HeaderParam(TOKEN_HEADER) String key) {
        requireAdmin(security, key);
        SyncSettings settings = Settings.merge(config(type).settings(), body == null ? Map.of() : body);
        return view(call(() -> sync.configure(type, settings)));
    }

    @POST
    @Path("{type}/runs")
    public Response start(@PathParam("type") String type, @QueryParam("full") @DefaultValue("false") boolean full,
            @Context SecurityContext security, @HeaderParam(TOKEN_HEADER) String key) {
        requireAdmin(security, key);
        SyncRun run = call(() -> sync.start(type, full));
        return Response.status(Response.Status.ACCEPTED).entity(view(run)).build();
    }

    @POST
    @Path("{type}/stop")
    public Map<String, Object> stop(@PathParam("type") String type, @Context SecurityContext security,
            @HeaderParam(TOKEN_HEADER) String key) {
        requireAdmin(security, key);
        config(type);
        return Map.of("stopping", call(() -> sync.stop(type)));
    }

    @GET
    @Path("{type}/runs")
    public Map<String, Object> runs(@PathParam("type") String type, @QueryParam("limit") @DefaultValue("20") int limit,
            @Context SecurityContext security, @HeaderParam(TOKEN_HEADER) String key) {
        requireAdmin(security, key);
        config(type);
        List<Object> runs = new ArrayList<>();
        for (SyncRun r : call(() -> sync.runs(type, limit))) {
            runs.add(view(r));
        }
        return Map.of("runs", runs);
    }

    /** The records that fail to sync now: each incremental run reads them again until they sync. */
    @GET
    @Path("{type}/failing")
    public Map<String, Object> failing(@PathParam("type") String type,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit,
            @Context SecurityContext security, @HeaderParam(TOKEN_HEADER) String key) {
        requireAdmin(security, key);
        config(type);
        List<Object> records = new ArrayList<>();
        for (SyncFailingRecord f : call(() -> sync.failingRecords(type, offset, limit))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("netsuiteId", f.netsuiteId());
            m.put("kind", f.kind());
            m.put("message", f.message());
            m.put("attempts", f.attempts());
            m.put("firstFailedAt", text(f.firstFailedAt()));
            m.put("lastFailedAt", text(f.lastFailedAt()));
            records.add(m);
        }
        return Map.of("total", call(() -> sync.failingRecordCount(type)), "records", records);
    }

    @GET
    @Path("runs/{id}")
    public Map<String, Object> run(@PathParam("id") long id, @Context SecurityContext security,
            @HeaderParam(TOKEN_HEADER) String key) {
        requireAdmin(security, key);
        return view(call(() -> sync.run(id)).orElseThrow(() -> ProblemException.notFound("No sync run " + id + ".")));
    }

    @GET
    @Path("runs/{id}/errors")
    public Map<String, Object> errors(@PathParam("id") long id, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit, @Context SecurityContext security,
            @HeaderParam(TOKEN_HEADER) String key) {
        requireAdmin(security, key);
        call(() -> sync.run(id)).orElseThrow(() -> ProblemException.notFound("No sync run " + id + "."));
        List<Object> errors = new ArrayList<>();
        for (SyncRunError e : call(() -> sync.errors(id, offset, limit))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("netsuiteId", e.netsuiteId());
            m.put("kind", e.kind());
            m.put("message", e.message());
            m.put("detail", e.detail());
            m.put("occurredAt", text(e.occurredAt()));
            errors.add(m);
        }
        return Map.of("errors", errors);
    }

    // ------------------------------------------------------------------ access

    void requireAdmin(SecurityContext security, String key) {
        Optional<PortalUser> user = PortalUser.from(security == null ? null : security.getUserPrincipal());
        if (user.isPresent()) {
            if (operatorAdmin(user.get())) {
                return;
            }
            throw ProblemException.forbidden("Only the operator's administrators manage syncs.");
        }
        if (token != null && key != null
                && MessageDigest.isEqual(token, key.strip().getBytes(StandardCharsets.UTF_8))) {
            return;
        }
        throw ProblemException.unauthorized("Sign in as an administrator of the operator, or send the "
                + TOKEN_HEADER + " header configured as adminToken in etc/io.portico.sync.cfg.");
    }

    /** Whether the user may manage syncs: an owner or admin of the operator organization. */
    public static boolean operatorAdmin(PortalUser user) {
        return user.operatorStaff() && (user.role() == Role.OWNER || user.role() == Role.ADMIN);
    }

    private SyncConfig config(String type) {
        return call(() -> sync.config(type)).orElseThrow(() -> ProblemException.notFound(
                "No record type '" + type + "' is configured or running."));
    }

    /** Runs a service call, answering its refusals as problem details. */
    public static <T> T call(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (SyncException e) {
            throw problem(e);
        }
    }

    /** A service refusal as the problem it is for the caller: unknown, conflicting, invalid or unavailable. */
    public static ProblemException problem(SyncException e) {
        int status = switch (e.reason()) {
            case UNKNOWN_RECORD_TYPE -> 404;
            // Not connected to NetSuite yet: the server's state, not a fault, and nothing a retry would change.
            case DISABLED, ALREADY_RUNNING, NETSUITE_NOT_CONFIGURED -> 409;
            case INVALID_SETTINGS -> 400;
            case UNAVAILABLE -> 503;
        };
        String title = switch (status) {
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 400 -> "Bad Request";
            default -> "Service Unavailable";
        };
        return new ProblemException(status, title, e.getMessage());
    }

    // ------------------------------------------------------------------ JSON views (timestamps as ISO-8601 text)

    static Map<String, Object> view(SyncConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordType", c.recordType());
        m.put("state", c.state());
        m.put("settings", Settings.view(c.settings()));
        m.put("queryAlias", c.queryAlias());
        m.put("fullLoadDone", c.fullLoadDone());
        m.put("watermark", c.watermark());
        m.put("nextRunAt", text(c.nextRunAt()));
        m.put("currentRun", c.currentRun() == null ? null : view(c.currentRun()));
        m.put("lastRun", c.lastRun() == null ? null : view(c.lastRun()));
        return m;
    }

    static Map<String, Object> view(SyncRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("recordType", r.recordType());
        m.put("mode", r.mode());
        m.put("trigger", r.trigger());
        m.put("status", r.status());
        m.put("phase", r.phase());
        m.put("node", r.node());
        m.put("resumedRunId", r.resumedRunId());
        m.put("startedAt", text(r.startedAt()));
        m.put("finishedAt", text(r.finishedAt()));
        m.put("estimatedTotal", r.estimatedTotal());
        m.put("recordsDone", r.recordsDone());
        m.put("inserted", r.inserted());
        m.put("updated", r.updated());
        m.put("unchanged", r.unchanged());
        m.put("deleted", r.deleted());
        m.put("failed", r.failed());
        m.put("pages", r.pages());
        m.put("requests", r.requests());
        m.put("retries", r.retries());
        m.put("ratePerSecond", Math.round(r.ratePerSecond() * 10) / 10.0);
        m.put("etaSeconds", r.etaSeconds());
        m.put("message", r.message());
        return m;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
