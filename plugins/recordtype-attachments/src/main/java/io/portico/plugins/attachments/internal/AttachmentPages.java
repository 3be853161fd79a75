package io.portico.plugins.attachments.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.recordtype.RecordType;
import io.portico.api.web.Formats;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.api.web.SidebarLayout;
import io.portico.plugins.attachments.internal.AttachmentStore.Found;
import io.portico.plugins.attachments.internal.AttachmentStore.Search;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The documents page ({@code /attachments}, "Documents" in the sidebar) and its JSON ({@link AttachmentSearchApi}):
 * every file attached to the records the user may view, newest first, searchable by file name or record number and
 * filtered by record type and the date it was stored. Read in the user's scope like every attachment. While the
 * operator has hidden "Documents" in Settings &gt; Sidebar, the page and its JSON are a 404 (a record's own
 * attachments stay on its page).
 */
@Component(service = AttachmentPages.class, property = PorticoResource.PROPERTY + "=true")
@Path("")
public final class AttachmentPages {

    static final int PAGE_SIZE = 50;
    private static final int MAX_TEXT = 200;

    private final AttachmentStore store;
    private final Pages pages;
    private final PluginRegistry plugins;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SidebarLayout layout;

    @Activate
    public AttachmentPages(@Reference AttachmentStore store, @Reference Pages pages,
            @Reference PluginRegistry plugins) {
        this.store = store;
        this.pages = pages;
        this.plugins = plugins;
    }

    @GET
    @Path("attachments")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@Context ContainerRequestContext request, @Context HttpHeaders headers) {
        PortalUser user = user(request);
        MultivaluedMap<String, String> params = request.getUriInfo().getQueryParameters();
        Query query = Query.parse(params, viewable(user));
        List<Found> found = store.search(user.scope(), query.search());
        Formats formats = Formats.forReader(headers.getAcceptableLanguages(), user);
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Documents");
        model.put("user", user);
        model.put("csrf", request.getProperty(PortalUser.CSRF_REQUEST_PROPERTY));
        model.put("currentPath", "/attachments");
        model.put("q", query.text() == null ? "" : query.text());
        model.put("from", query.search().from() == null ? "" : query.search().from().toString());
        model.put("to", query.search().to() == null ? "" : query.search().to().toString());
        List<Map<String, Object>> types = new ArrayList<>();
        for (String type : viewable(user)) {
            types.add(Map.of("value", type, "label", plugins.recordTypeLabel(type),
                    "selected", type.equals(query.type())));
        }
        model.put("types", types);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Found f : found.subList(0, Math.min(found.size(), PAGE_SIZE))) {
            AttachmentStore.Attachment a = f.attachment();
            Map<String, Object> row = new HashMap<>();
            row.put("name", a.name());
            row.put("type", ContentTypes.label(a.contentType()));
            row.put("size", a.size() == null ? "" : size(a.size(), formats));
            row.put("date", formats.dateTime(a.syncedAt()));
            row.put("record", plugins.recordTypeLabel(a.recordType()) + " "
                    + (f.recordNumber() == null ? Long.toString(a.recordNetsuiteId()) : f.recordNumber()));
            row.put("recordHref", "/records/" + a.recordType() + "/" + a.recordNetsuiteId());
            row.put("download", a.downloadable() ? AttachmentResource.downloadPath(a.id()) : "");
            row.put("notStored", a.downloadable() ? "" : AttachmentList.notStored(a));
            rows.add(row);
        }
        model.put("rows", rows);
        model.put("previous", query.page() > 1 ? query.href(query.page() - 1) : "");
        model.put("next", found.size() > PAGE_SIZE ? query.href(query.page() + 1) : "");
        model.put("filtered", query.text() != null || query.type() != null || query.search().from() != null
                || query.search().to() != null);
        return Response.ok(pages.render(AttachmentPages.class, "attachments.ftlh", model),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** The same search as JSON, for {@link AttachmentSearchApi}. */
    Map<String, Object> search(ContainerRequestContext request) {
        PortalUser user = user(request);
        Query query = Query.parse(request.getUriInfo().getQueryParameters(), viewable(user));
        List<Found> found = store.search(user.scope(), query.search());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("page", query.page());
        json.put("hasNext", found.size() > PAGE_SIZE);
        json.put("attachments", found.subList(0, Math.min(found.size(), PAGE_SIZE)).stream().map(f -> {
            Map<String, Object> v = AttachmentResource.view(f.attachment());
            v.put("recordNumber", f.recordNumber());
            v.put("date", f.attachment().syncedAt().toString());
            return v;
        }).toList());
        return json;
    }

    private PortalUser user(ContainerRequestContext request) {
        PortalUser user = PortalUser.require(request.getSecurityContext().getUserPrincipal());
        SidebarLayout sidebar = layout;
        if (sidebar != null && sidebar.hidden(SidebarLayout.DOCUMENTS)) {
            throw ProblemException.notFound("There are no documents here.");
        }
        return user;
    }

    private List<String> viewable(PortalUser user) {
        return plugins.names(RecordType.class).stream().filter(user::canView).sorted().toList();
    }

    static String size(long bytes, Formats formats) {
        if (bytes < 1024) {
            return formats.number(bytes) + " B";
        }
        if (bytes < 1024 * 1024) {
            return formats.number(BigDecimal.valueOf(bytes / 1024.0).setScale(0, RoundingMode.HALF_UP)) + " KB";
        }
        return formats.number(BigDecimal.valueOf(bytes / (1024.0 * 1024.0)).setScale(1, RoundingMode.HALF_UP))
                + " MB";
    }

    /** The page's query: {@code q}, {@code type}, {@code from}, {@code to} (YYYY-MM-DD), {@code page}. */
    record Query(String text, String type, Search search, int page) {

        static Query parse(MultivaluedMap<String, String> params, List<String> viewable) {
            String text = params.getFirst("q") == null || params.getFirst("q").isBlank() ? null
                    : params.getFirst("q").strip();
            if (text != null && text.length() > MAX_TEXT) {
                throw ProblemException.badRequest("Query parameter 'q' must be at most " + MAX_TEXT + " characters.");
            }
            String type = params.getFirst("type") == null || params.getFirst("type").isBlank() ? null
                    : params.getFirst("type");
            if (type != null && !viewable.contains(type)) {
                throw ProblemException.badRequest("Query parameter 'type' must be one of " + viewable + ".");
            }
            LocalDate from = date(params, "from");
            LocalDate to = date(params, "to");
            if (from != null && to != null && from.isAfter(to)) {
                throw ProblemException.badRequest("Query parameter 'from' must not be after 'to'.");
            }
            String pageText = params.getFirst("page");
            int page;
            if (pageText == null || pageText.isBlank()) {
                page = 1;
            } else if (pageText.matches("[1-9][0-9]{0,4}")) {
                page = Integer.parseInt(pageText);
            } else {
                throw ProblemException.badRequest("Query parameter 'page' must be a number from 1 to 99999.");
            }
            return new Query(text, type, new Search(text, type == null ? viewable : List.of(type), from, to,
                    (page - 1) * PAGE_SIZE, PAGE_SIZE), page);
        }

        private static LocalDate date(MultivaluedMap<String, String> params, String name) {
            String value = params.getFirst(name);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                LocalDate date = LocalDate.parse(value.strip());
                if (date.getYear() < 1900 || date.getYear() > 9999) {
                    throw ProblemException.badRequest("Query parameter '" + name + "' must be a date between 1900 and 9999.");
                }
                return date;
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("Query parameter '" + name + "' must be a date as YYYY-MM-DD.");
            }
        }

        String href(int toPage) {
            StringBuilder href = new StringBuilder("/attachments?page=" + toPage);
            if (text != null) {
                href.append("&q=").append(URLEncoder.encode(text, StandardCharsets.UTF_8));
            }
            if (type != null) {
                href.append("&type=").append(URLEncoder.encode(type, StandardCharsets.UTF_8));
            }
            if (search.from() != null) {
                href.append("&from=").append(search.from());
            }
            if (search.to() != null) {
                href.append("&to=").append(search.to());
            }
            return href.toString();
        }
    }
}
