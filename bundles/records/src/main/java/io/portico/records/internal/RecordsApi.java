package io.portico.records.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.portico.api.fieldmap.MappedFields;
import io.portico.api.identity.PortalUser;
import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.RecordFields;
import io.portico.api.records.Attachment;
import io.portico.api.records.Dashboard;
import io.portico.api.records.Line;
import io.portico.api.records.MoneySum;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
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
    public record DetailJson(RecordJson record, Map<String, List<Line>> lines, List<RelatedRecord> related,
            List<Attachment> attachments) {
    }

    /** A page of a list as JSON: {@link RecordPage}'s parts, each record with its shown fields. */
    public record ListJson(List<RecordJson> records, long totalCount, List<MoneySum> sums, List<String> statuses) {
    }

    /**
     * A record as JSON: {@link Record}'s stable keys with their raw values (less the fields a mapper hides), and
     * beside them {@code fields}, the fields the page shows (the list's columns, the detail page's fields), in its
     * order, as customers read them.
     */
    public record RecordJson(@JsonUnwrapped Record record, Map<String, FieldJson> fields) {

        static RecordJson of(Record record, List<FieldDescriptor> shown, MappedFields mapped) {
            String type = record.recordType();
            return of(visible(record, key -> mapped.visible(type, key)), shown,
                    (key, raw) -> mapped.display(type, key, raw));
        }

        static RecordJson of(Record record, List<FieldDescriptor> shown, BiFunction<String, String, String> display) {
            Map<String, FieldJson> fields = new LinkedHashMap<>();
            for (FieldDescriptor field : shown) {
                Object value = record.value(field.key());
                fields.put(field.key(), new FieldJson(value, field.label(), value == null ? null
                        : value instanceof String raw ? display.apply(field.key(), raw) : String.valueOf(value)));
            }
            return new RecordJson(record, fields);
        }
    }

    /** The record without the fields that are not visible: typed ones empty, attributes left out. */
    static Record visible(Record r, Predicate<String> visible) {
        Map<String, Object> attributes = new LinkedHashMap<>(r.attributes());
        attributes.keySet().removeIf(key -> !visible.test(key));
        return new Record(r.recordType(), r.netsuiteId(), r.organizationId(),
                shown(visible, RecordFields.ORGANIZATION, r.organizationName()), shown(visible, RecordFields.NUMBER,
                        r.number()), shown(visible, RecordFields.NAME, r.name()), shown(visible, RecordFields.DATE,
                        r.date()), shown(visible, RecordFields.DUE_DATE, r.dueDate()), shown(visible,
                        RecordFields.STATUS, r.status()), shown(visible, RecordFields.TOTAL, r.total()),
                shown(visible, RecordFields.AMOUNT_REMAINING, r.amountRemaining()), shown(visible,
                        RecordFields.CURRENCY, r.currency()), shown(visible, RecordFields.LAST_MODIFIED,
                        r.lastModified()), attributes);
    }

    private static <T> T shown(Predicate<String> visible, String key, T value) {
        return visible.test(key) ? value : null;
    }

    /**
     * A field of a record as JSON: its raw value, its label and its display value (the operator's name for the raw
     * value when a value map names it, else the value as it is).
     */
    public record FieldJson(Object value, String label, String display) {
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
    public ListJson list(@PathParam("type") String type, @Context SecurityContext security, @Context UriInfo uri) {
        PortalUser user = PortalUser.require(security.getUserPrincipal());
        PortalRecordTypes.Named recordType = types.require(user, type);
        RecordPage page = list(reader, adjustments, user, recordType, ListParams.parse(uri.getQueryParameters()));
        List<FieldDescriptor> columns = recordType.descriptor().listColumns();
        return new ListJson(page.records().stream().map(r -> RecordJson.of(r, columns, types)).toList(),
                page.totalCount(), page.sums(), page.statuses());
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
        PortalRecordTypes.Named recordType = types.require(user, type);
        RecordDetail detail = reader.find(user.scope(), type, id).map(d -> adjustments.detail(user.scope(), type, d))
                .orElseThrow(() -> ProblemException.notFound("There is no such record here."));
        return new DetailJson(RecordJson.of(detail.record(), recordType.descriptor().detailFields(), types),
                detail.lines(), detail.related(),
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
        return Response.ok(CsvExport.of(reader, user.scope(), type, recordType.descriptor().listColumns(), query,
                        key -> types.valueMap(type, key)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + type + ".csv\"")
                .build();
    }
}
