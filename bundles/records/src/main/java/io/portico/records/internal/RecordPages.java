package io.portico.records.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.records.RecordDetail;
import io.portico.api.records.RecordPage;
import io.portico.api.records.RecordQuery;
import io.portico.api.records.RecordReader;
import io.portico.api.web.Formats;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The portal's pages: the dashboard, and a list and a detail page for every record type a plugin brings (no code
 * here per record type). Each reads through the {@link RecordReader} in the signed-in user's scope; a record type
 * the user may not view, another organization's record and a record that does not exist are the same 404.
 */
@Component(service = RecordPages.class, property = PorticoResource.PROPERTY + "=true")
@Path("")
public final class RecordPages {

    /** htmx's headers: a request of its own, and one that restores a page from history (wants the whole page). */
    static final String HX_REQUEST = "HX-Request";
    static final String HX_HISTORY_RESTORE = "HX-History-Restore-Request";

    private final RecordReader reader;
    private final PortalRecordTypes types;
    private final Pages pages;
    private final AttachmentLists attachments;
    private final Adjustments adjustments;
    private final Actions actions;
    private final Notices notices;
    private final FirstRunChecklist firstRun;
    private final Clock clock;

    @Activate
    public RecordPages(@Reference RecordReader reader, @Reference PortalRecordTypes types, @Reference Pages pages,
            @Reference AttachmentLists attachments, @Reference Adjustments adjustments,
            @Reference Actions actions, @Reference Notices notices, @Reference FirstRunChecklist firstRun) {
        this(reader, types, pages, attachments, adjustments, actions, notices, firstRun, Clock.systemUTC());
    }

    RecordPages(RecordReader reader, PortalRecordTypes types, Pages pages, AttachmentLists attachments,
            Adjustments adjustments, Actions actions, Notices notices, FirstRunChecklist firstRun, Clock clock) {
        this.reader = reader;
        this.types = types;
        this.pages = pages;
        this.attachments = attachments;
        this.adjustments = adjustments;
        this.actions = actions;
        this.notices = notices;
        this.firstRun = firstRun;
        this.clock = clock;
    }

    @GET
    @Path("dashboard")
    @Produces(MediaType.TEXT_HTML)
    public Response dashboard(@Context ContainerRequestContext request, @Context HttpHeaders headers) {
        PortalUser user = PortalUser.require(request.getSecurityContext().getUserPrincipal());
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> model = model(request, user, user.organizationName(), "/dashboard");
        model.put("dashboard", views(headers, today, user).dashboard(reader.dashboard(user.scope(), today)));
        model.put("operator", user.operatorStaff());
        model.put("notices", notices.forUser(user));
        Map<String, Object> checklist = firstRun.forUser(user);
        if (checklist != null) {
            model.put("firstRun", checklist);
        }
        return page("dashboard.ftlh", model);
    }

    /**
     * A record type's list. An htmx request from the page itself (its filters, sort links, pager) gets only the parts
     * that change, with the clean URL of the new state to push; everything else, a history restore included, gets
     * the whole page.
     */
    @GET
    @Path("records/{type}")
    @Produces(MediaType.TEXT_HTML)
    public Response list(@PathParam("type") String type, @Context ContainerRequestContext request,
            @Context HttpHeaders headers) {
        boolean inPlace = "true".equals(headers.getHeaderString(HX_REQUEST))
                && headers.getHeaderString(HX_HISTORY_RESTORE) == null;
        PortalUser user = PortalUser.require(request.getSecurityContext().getUserPrincipal());
        PortalRecordTypes.Named recordType = types.require(user, type);
        RecordQuery query = ListParams.parse(request.getUriInfo().getQueryParameters());
        RecordPage page = RecordsApi.list(reader, adjustments, user, recordType, query);
        Map<String, Object> model = model(request, user, recordType.descriptor().label(), "/records/" + type);
        Map<String, Object> list = views(headers, LocalDate.now(clock), user).list(type,
                recordType.descriptor(), query, page);
        model.put("list", list);
        model.put("listActions", actions.forList(user, type));
        model.put("type", type);
        model.put("htmx", true);
        if (!inPlace) {
            return Response.fromResponse(page("list.ftlh", model)).header(HttpHeaders.VARY, HX_REQUEST).build();
        }
        model.put("fragment", true);
        String url = (String) list.get("href");
        return Response.ok(pages.fragment(RecordPages.class, "list.ftlh", model),
                        MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.VARY, HX_REQUEST)
                .header("HX-Push-Url", url.equals(pathAndQuery(headers.getHeaderString("HX-Current-URL")))
                        ? "false" : url)
                .build();
    }

    @GET
    @Path("records/{type}/{id: [0-9]{1,18}}")
    @Produces(MediaType.TEXT_HTML)
    public Response detail(@PathParam("type") String type, @PathParam("id") long id,
            @Context ContainerRequestContext request, @Context HttpHeaders headers) {
        PortalUser user = PortalUser.require(request.getSecurityContext().getUserPrincipal());
        PortalRecordTypes.Named recordType = types.require(user, type);
        RecordDetail detail = reader.find(user.scope(), type, id)
                .map(d -> adjustments.detail(user.scope(), type, d))
                .orElseThrow(() -> ProblemException.notFound("There is no such record here."));
        String singular = RecordViews.singular(recordType.descriptor().label());
        String number = detail.record().number() == null ? String.valueOf(id) : detail.record().number();
        Map<String, Object> model = model(request, user, singular + " " + number, "/records/" + type);
        RecordViews views = views(headers, LocalDate.now(clock), user);
        model.put("record", views.detail(type, recordType.descriptor(), detail));
        model.put("attachments", views.attachments(attachments.of(user.scope(), type, id)));
        model.put("actions", actions.forRecord(user, detail.record()));
        model.put("recordId", String.valueOf(id));
        model.put("back", Map.of("href", "/records/" + type, "label", recordType.descriptor().label()));
        return page("detail.ftlh", model);
    }

    @GET
    @Path("records/{type}/csv")
    @Produces("text/csv")
    public Response csv(@PathParam("type") String type, @Context ContainerRequestContext request) {
        PortalUser user = PortalUser.require(request.getSecurityContext().getUserPrincipal());
        return RecordsApi.csv(reader, types, user, type, ListParams.parse(request.getUriInfo().getQueryParameters()));
    }

    private RecordViews views(HttpHeaders headers, LocalDate today, PortalUser user) {
        Map<String, String> labels = new HashMap<>();
        types.visible(user).forEach(t -> labels.put(t.name(), t.descriptor().label()));
        return new RecordViews(Formats.forReader(headers.getAcceptableLanguages(), user), today, labels::get,
                types::valueMap);
    }

    private static Map<String, Object> model(ContainerRequestContext request, PortalUser user, String title,
            String currentPath) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("user", user);
        model.put("csrf", request.getProperty(PortalUser.CSRF_REQUEST_PROPERTY));
        model.put("currentPath", currentPath);
        return model;
    }

    private Response page(String template, Map<String, Object> model) {
        return Response.ok(pages.render(RecordPages.class, template, model), MediaType.TEXT_HTML_TYPE
                .withCharset("UTF-8")).build();
    }

    /** The path and query of a URL as the browser shows it, or {@code null} for none. */
    private static String pathAndQuery(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
