package io.portico.sync.internal.web;

import io.portico.api.identity.NotSignedInException;
import io.portico.api.identity.PortalUser;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.sync.SyncConfig;
import io.portico.api.sync.SyncException;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncService;
import io.portico.api.sync.SyncSettings;
import io.portico.api.web.Formats;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.sync.internal.admin.Settings;
import io.portico.sync.internal.admin.SyncAdminResource;
import io.portico.sync.internal.engine.InvalidSettingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.FormParam;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /admin/syncs}: the syncs of every record type (state, schedule, last and next run, live progress) with
 * their actions, and per record type its configuration form and run history with the errors. Operator owners and
 * admins only. Every action is a form post (the identity bundle checks its CSRF token) that comes back to the page.
 * While a sync runs, {@code syncs.js} keeps its figures current from the JSON admin API; without JavaScript the list
 * reloads itself.
 */
@Component(service = SyncPages.class, property = PorticoResource.PROPERTY + "=true")
// Forms only: a JSON body answers 415 instead of failing inside Jersey.
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Path("admin/syncs")
@Produces(MediaType.TEXT_HTML)
public final class SyncPages {

    static final int RUNS_PER_PAGE = 20;
    /** Errors shown with each run of the history; the run's page has them all. */
    static final int ERRORS_PER_RUN = 5;
    /** Failing records listed on a record type's page; the console and the JSON API list them all. */
    static final int FAILING_SHOWN = 50;
    static final int ERRORS_PER_PAGE = 100;
    /** The history pages through at most as many runs as the service returns at once. */
    private static final int MAX_RUNS = 1000;
    private static final String REFUSAL = "Only the operator's administrators may do this.";
    private static final Map<String, String> NOTICES = Map.of(
            "run-started", "The run has started.",
            "resync-started", "The full resync has started.",
            "stopping", "The run stops after its current pages; the next run resumes where it stopped.",
            "enabled", "The sync is enabled.",
            "paused", "The schedule is paused; the sync runs only when started by hand.",
            "resumed", "The schedule runs again.",
            "saved", "The configuration is saved.");

    private final Pages pages;
    private final SyncService sync;
    private final Function<String, String> labels;

    @Activate
    public SyncPages(@Reference Pages pages, @Reference SyncService sync, @Reference PluginRegistry plugins) {
        this(pages, sync, plugins::recordTypeLabel);
    }

    /** @param labels a record type's label by its name */
    SyncPages(Pages pages, SyncService sync, Function<String, String> labels) {
        this.pages = pages;
        this.sync = sync;
        this.labels = labels;
    }

    // ------------------------------------------------------------------ pages

    @GET
    public Response list(@Context ContainerRequestContext request, @QueryParam("notice") String notice) {
        return guarded(request, admin -> listPage(admin, 200, null, notice(notice)));
    }

    @GET
    @Path("{type}")
    public Response detail(@Context ContainerRequestContext request, @PathParam("type") String type,
            @QueryParam("page") @DefaultValue("1") int page, @QueryParam("notice") String notice) {
        return guarded(request, admin -> {
            SyncConfig config = config(type);
            return detailPage(admin, config, SyncForm.of(config.settings()), page, 200, Map.of(), null,
                    notice(notice));
        });
    }

    @GET
    @Path("{type}/runs/{run}")
    public Response run(@Context ContainerRequestContext request, @PathParam("type") String type,
            @PathParam("run") long runId, @QueryParam("offset") @DefaultValue("0") int offset) {
        return guarded(request, admin -> {
            SyncRun run = SyncAdminResource.call(() -> sync.run(runId)).filter(r -> r.recordType().equals(type))
                    .orElseThrow(() -> ProblemException.notFound("No run " + runId + " of " + type + "."));
            int from = Math.max(0, offset);
            Map<String, Object> model = model(admin, admin.views().label(type) + ": run " + runId);
            model.put("type", type);
            model.put("label", admin.views().label(type));
            model.put("run", admin.views().run(run));
            model.put("errors", SyncAdminResource.call(() -> sync.errors(runId, from, ERRORS_PER_PAGE)).stream()
                    .map(admin.views()::error).toList());
            model.put("offset", from);
            model.put("pageSize", ERRORS_PER_PAGE);
            return html(200, "sync-run.ftlh", model);
        });
    }

    /** The script that keeps running syncs' progress current; served here so that the page needs no inline code. */
    @GET
    @Path("syncs.js")
    @Produces("text/javascript")
    public Response script() {
        try (InputStream in = SyncPages.class.getResourceAsStream("syncs.js")) {
            return Response.ok(in.readAllBytes()).header(HttpHeaders.CACHE_CONTROL, "max-age=300").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ actions

    @POST
    @Path("{type}")
    public Response save(@Context ContainerRequestContext request, @PathParam("type") String type,
            @FormParam("enabled") String enabled, @FormParam("paused") String paused,
            @FormParam("schedule") String schedule, @FormParam("cron") String cron,
            @FormParam("initialWindowDays") String initialWindowDays, @FormParam("subsidiaryIds") String subsidiaryIds,
            @FormParam("customCondition") String customCondition) {
        return guarded(request, admin -> {
            SyncConfig config = config(type);
            SyncForm form = new SyncForm(enabled != null, paused != null, schedule, cron, initialWindowDays,
                    subsidiaryIds, customCondition);
            try {
                SyncSettings settings = Settings.merge(config.settings(), form.changes());
                sync.configure(type, settings);
            } catch (InvalidSettingException e) {
                String message = SyncViews.sentence(e.getMessage());
                return SyncForm.FIELDS.contains(e.setting())
                        ? detailPage(admin, config, form, 1, 400, Map.of(e.setting(), message),
                                "Nothing was saved: correct the setting marked below.", null)
                        : detailPage(admin, config, form, 1, 400, Map.of(), "Nothing was saved: " + message, null);
            } catch (SyncException e) {
                ProblemException problem = SyncAdminResource.problem(e);
                return detailPage(admin, config, form, 1, problem.status(), Map.of(),
                        SyncViews.sentence(problem.detail()), null);
            }
            return redirect(type, "detail", "saved");
        });
    }

    @POST
    @Path("{type}/runs")
    public Response start(@Context ContainerRequestContext request, @PathParam("type") String type,
            @FormParam("full") String full, @FormParam("back") String back) {
        boolean resync = "true".equals(full);
        return act(request, type, back, resync ? "resync-started" : "run-started", () -> sync.start(type, resync));
    }

    @POST
    @Path("{type}/stop")
    public Response stop(@Context ContainerRequestContext request, @PathParam("type") String type,
            @FormParam("back") String back) {
        return act(request, type, back, "stopping", () -> {
            if (!sync.stop(type)) {
                SyncRun elsewhere = config(type).currentRun();
                throw ProblemException.conflict(elsewhere == null ? "No run of " + type
                        + " is going on." : "Run " + elsewhere.id() + " of " + type + " runs on node "
                        + elsewhere.node() + "; only that node can stop it.");
            }
        });
    }

    @POST
    @Path("{type}/enable")
    public Response enable(@Context ContainerRequestContext request, @PathParam("type") String type,
            @FormParam("back") String back) {
        return change(request, type, back, "enabled", Map.of("enabled", true));
    }

    @POST
    @Path("{type}/pause")
    public Response pause(@Context ContainerRequestContext request, @PathParam("type") String type,
            @FormParam("back") String back) {
        return change(request, type, back, "paused", Map.of("paused", true));
    }

    @POST
    @Path("{type}/resume")
    public Response resume(@Context ContainerRequestContext request, @PathParam("type") String type,
            @FormParam("back") String back) {
        return change(request, type, back, "resumed", Map.of("paused", false));
    }

    private Response change(ContainerRequestContext request, String type, String back, String notice,
            Map<String, Object> changes) {
        return act(request, type, back, notice,
                () -> sync.configure(type, Settings.merge(config(type).settings(), changes)));
    }

    /**
     * Runs an action on a record type's sync, then goes back to the page it was started from ({@code back} is
     * {@code detail} for the record type's page): with a notice when it worked, with the reason when it did not.
     */
    private Response act(ContainerRequestContext request, String type, String back, String notice,
            Runnable action) {
        boolean toDetail = "detail".equals(back);
        return guarded(request, admin -> {
            SyncConfig config = config(type);
            try {
                SyncAdminResource.call(() -> {
                    action.run();
                    return null;
                });
            } catch (ProblemException e) {
                String error = SyncViews.sentence(e.detail());
                if (!toDetail) {
                    return listPage(admin, e.status(), error, null);
                }
                SyncConfig now = config(type);
                return detailPage(admin, now, SyncForm.of(now.settings()), 1, e.status(), Map.of(), error, null);
            }
            return redirect(config.recordType(), back, notice);
        });
    }

    // ------------------------------------------------------------------ rendering

    private Response listPage(Admin admin, int status, String error, String notice) {
        List<Map<String, Object>> configs = SyncAdminResource.call(sync::configs).stream()
                .map(c -> configView(admin, c)).toList();
        Map<String, Object> model = model(admin, "NetSuite syncs");
        model.put("configs", configs);
        model.put("anyRunning", configs.stream().anyMatch(c -> (Boolean) c.get("running")));
        putMessages(model, error, notice);
        return html(status, "syncs.ftlh", model);
    }

    private Response detailPage(Admin admin, SyncConfig config, SyncForm form, int page, int status,
            Map<String, String> fieldErrors, String error, String notice) {
        String type = config.recordType();
        // A page number before the first shows the first; one past the history (a stale link, an edited URL, or
        // beyond what the service returns) shows the last, so no page number can overflow the arithmetic.
        int wanted = Math.min(Math.max(1, page), MAX_RUNS / RUNS_PER_PAGE);
        List<SyncRun> runs = SyncAdminResource.call(() -> sync.runs(type, Math.min(MAX_RUNS,
                wanted * RUNS_PER_PAGE + 1)));
        int current = Math.min(wanted, Math.max(1, (runs.size() + RUNS_PER_PAGE - 1) / RUNS_PER_PAGE));
        int skip = (current - 1) * RUNS_PER_PAGE;
        List<Map<String, Object>> history = new ArrayList<>();
        for (SyncRun run : runs.subList(Math.min(skip, runs.size()), Math.min(skip + RUNS_PER_PAGE, runs.size()))) {
            Map<String, Object> view = admin.views().run(run);
            if (run.failed() > 0 || run.message() != null) {
                view.put("errors", SyncAdminResource.call(() -> sync.errors(run.id(), 0, ERRORS_PER_RUN)).stream()
                        .map(admin.views()::error).toList());
            }
            history.add(view);
        }
        Map<String, Object> model = model(admin, "Sync: " + admin.views().label(type));
        model.put("c", configView(admin, config));
        model.put("form", form);
        model.put("schedules", SyncForm.SCHEDULES);
        model.put("fieldErrors", fieldErrors);
        model.put("runs", history);
        model.put("page", current);
        model.put("olderRuns", runs.size() > skip + RUNS_PER_PAGE);
        model.put("errorsPerRun", ERRORS_PER_RUN);
        model.put("failing", SyncAdminResource.call(() -> sync.failingRecords(type, 0, FAILING_SHOWN)).stream()
                .map(admin.views()::failing).toList());
        putMessages(model, error, notice);
        return html(status, "sync.ftlh", model);
    }

    /** A record type's sync for the templates, with how many of its records fail to sync now. */
    private Map<String, Object> configView(Admin admin, SyncConfig config) {
        Map<String, Object> view = admin.views().config(config);
        view.put("failingNow", SyncAdminResource.call(() -> sync.failingRecordCount(config.recordType())));
        return view;
    }

    private SyncConfig config(String type) {
        return SyncAdminResource.call(() -> sync.config(type)).orElseThrow(() -> ProblemException.notFound(
                "No record type " + type + " is configured or running."));
    }

    /**
     * The signed-in operator admin, the session's CSRF token, which every form posts back, and the views in their
     * language and time zone.
     */
    private record Admin(PortalUser user, String csrf, SyncViews views) {
    }

    /**
     * Serves a page to operator owners and admins: anyone else signed in gets the refusal the other admin pages
     * give, and a visitor who is not signed in is sent to sign in first (by the web layer).
     */
    private Response guarded(ContainerRequestContext request, Function<Admin, Response> page) {
        Object principal = request.getProperty(PortalUser.REQUEST_PROPERTY);
        if (!(principal instanceof PortalUser user)) {
            throw new NotSignedInException();
        }
        Object csrf = request.getProperty(PortalUser.CSRF_REQUEST_PROPERTY);
        Admin admin = new Admin(user, csrf instanceof String s ? s : "",
                new SyncViews(Formats.forReader(request.getAcceptableLanguages(), user), labels));
        try {
            if (!SyncAdminResource.operatorAdmin(user)) {
                throw ProblemException.forbidden(REFUSAL);
            }
            return page.apply(admin);
        } catch (ProblemException e) {
            Map<String, Object> model = model(admin, e.title());
            model.put("error", e.detail());
            return html(e.status(), "sync-problem.ftlh", model);
        }
    }

    private static Map<String, Object> model(Admin admin, String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("user", admin.user());
        model.put("csrf", admin.csrf());
        model.put("zone", admin.views().zone());
        return model;
    }

    /** The text of a notice named in a redirect; unknown names show nothing. */
    private static String notice(String key) {
        return key == null ? null : NOTICES.get(key);
    }

    private static void putMessages(Map<String, Object> model, String error, String notice) {
        if (error != null) {
            model.put("error", error);
        }
        if (notice != null) {
            model.put("notice", notice);
        }
    }

    private Response html(int status, String template, Map<String, Object> model) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.render(SyncPages.class, template, model))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** 303 back to the page the action came from, with a notice of a known key only. */
    private static Response redirect(String type, String back, String notice) {
        String page = "detail".equals(back) ? "/admin/syncs/" + type : "/admin/syncs";
        return Response.seeOther(URI.create(page + "?notice=" + notice)).header(HttpHeaders.CACHE_CONTROL,
                "no-store").build();
    }
}
