package io.portico.records.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.records.Attachment;
import io.portico.api.records.Dashboard;
import io.portico.api.records.Line;
import io.portico.api.records.Record;
import io.portico.api.records.RecordDetail;
import io.portico.api.records.RecordPage;
import io.portico.api.records.RecordQuery;
import io.portico.api.records.RecordReader;
import io.portico.api.records.RelatedRecord;
import io.portico.api.web.Navigation;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The JSON API of the portal's pages, scoped exactly like them: {@code /api/records/{type}} (the same search, sort,
 * filter and paging parameters; CSV with {@code Accept: text/csv}), {@code /api/records/{type}/{id}},
 * {@code /api/dashboard} and {@code /api/sidebar}.
 */
@Component(service = RecordsApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api")
public final class RecordsApi {

    private final RecordReader reader;
    private final PortalRecordTypes types;
    private final AttachmentLists attachments;
    private final Adjustments adjustments;
    private final Clock clock;

    /** A record's detail as JSON: {@link RecordDetail}'s parts and the files attached to the record. */
    public record DetailJson(Record record, Map<String, List<Line>> lines, List<RelatedRecord> related,
            List<Attachment> attachments) {
    }

    @Activate
    public RecordsApi(@Reference RecordReader reader, @Reference PortalRecordTypes types,
            @Reference AttachmentLists attachments, @Reference Adjustments adjustments) {
        this.reader = reader;
        this.types = types;
        this.attachments = attachments;
        this.adjustments = adjustments;
        this.clock = Clock.systemUTC();
    }

    @GET
    @Path("records/{type}")
    @Produces(MediaType.APPLICATION_JSON)
    public RecordPage list(@PathParam("type") String type, @Context SecurityContext security, @Context UriInfo uri) {
        PortalUser user = PortalUser.require(security.getUserPrincipal());
        return list(reader, adjustments, user, types.require(user, type), ListParams.parse(uri.getQueryParameters()));
    }

    @GET
    @Path("records/{type}")
    @Produces("text/csv")
    public Response csv(@PathParam("type") String type, @Context SecurityContext security, @Context UriInfo uri) {
        PortalUser user = PortalUser.require(security.getUserPrincipal());
        return csv(reader, types, user, type, ListParams.parse(uri.getQueryParameters()));
    }

    @GET
    @Path("records/{type}/{id: [0-9]{1,18}}")
    @Produces(MediaType.APPLICATION_JSON)
    public DetailJson detail(@PathParam("type") String type, @PathParam("id") long id,
            @Context SecurityContext security) {
        PortalUser user = PortalUser.require(security.getUserPrincipal());
        types.require(user, type);
        RecordDetail detail = reader.find(user.scope(), type, id).map(d -> adjustments.detail(user.scope(), type, d))
                .orElseThrow(() -> ProblemException.notFound("There is no such record here."));
        return new DetailJson(detail.record(), detail.lines(), detail.related(),
                attachments.of(user.scope(), type, id));
    }

    @GET
    @Path("dashboard")
    @Produces(MediaType.APPLICATION_JSON)
    public Dashboard dashboard(@Context SecurityContext security) {
        PortalUser user = PortalUser.require(security.getUserPrincipal());
        return reader.dashboard(user.scope(), LocalDate.now(clock));
    }

    @GET
    @Path("sidebar")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Navigation.Entry> sidebar(@Context SecurityContext security) {
        return types.entries(PortalUser.require(security.getUserPrincipal()));
    }

    /**
     * A page of a list; a sort by a column the list does not show (as the field mappers leave it) is the caller's
     * mistake, named.
     */
    static RecordPage list(RecordReader reader, Adjustments adjustments, PortalUser user,
            PortalRecordTypes.Named recordType, RecordQuery query) {
        if (query.sort() != null) {
            sortable(recordType, query.sort());
        }
        String type = recordType.name();
        try {
            return adjustments.page(user.scope(), type, reader.list(user.scope(), type, query));
        } catch (IllegalArgumentException e) {
            throw badSort(e);
        }
    }

    private static void sortable(PortalRecordTypes.Named recordType, String sort) {
        try {
            RecordReaderImpl.requireSortable(recordType.descriptor(), sort);
        } catch (IllegalArgumentException e) {
            throw badSort(e);
        }
    }

    private static ProblemException badSort(IllegalArgumentException e) {
        return ProblemException.badRequest("Query parameter " + e.getMessage().replaceFirst("^sort:", "'sort':"));
    }

    static Response csv(RecordReader reader, PortalRecordTypes types, PortalUser user, String type,
            RecordQuery query) {
        PortalRecordTypes.Named recordType = types.require(user, type);
        if (query.sort() != null) { // refused before the download starts, as a list refuses it
            sortable(recordType, query.sort());
        }
        return Response.ok(CsvExport.of(reader, user.scope(), type, recordType.descriptor().listColumns(), query),
                        "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + type + ".csv\"")
                .build();
    }
}
