package io.portico.settings.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.records.Record;
import io.portico.api.records.RecordQuery;
import io.portico.api.records.RecordReader;
import io.portico.api.web.Formats;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Settings &gt; Field mapping for the operator's owners and admins: per record type, each field's label, whether it
 * is hidden, its positions in the list and on the detail page and its value map; a field the synced records have
 * added from the list of their attribute keys (each with sample values); and a preview of the list and a detail page
 * on synced records before saving. One form that needs no JavaScript; anyone else signed in gets a 403, a field that
 * is not valid a 400 with the form as it was sent and the field marked.
 */
@Component(service = FieldMappingPages.class, property = PorticoResource.PROPERTY + "=true")
@Path("admin/field-mapping")
public final class FieldMappingPages {

    static final String PATH = "/admin/field-mapping";
    /** How many synced records the preview shows. */
    static final int PREVIEW_RECORDS = 5;

    private final FieldMappingSettings settings;
    private final RecordReader reader;
    private final Pages pages;

    @Activate
    public FieldMappingPages(@Reference FieldMappingSettings settings, @Reference RecordReader reader,
            @Reference Pages pages) {
        this.settings = settings;
        this.reader = reader;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("type") String type, @QueryParam("notice") String notice,
            @Context ContainerRequestContext request, @Context HttpHeaders headers) {
        PortalUser user = SettingsActor.admin(request);
        List<FieldMappingSettings.MappableType> types = settings.types();
        if (types.isEmpty()) {
            return render(request, user, 200, Map.of("types", List.of(), "fieldErrors", Map.of()));
        }
        FieldMappingSettings.MappableType chosen = type == null || type.isBlank() ? types.get(0) : settings.type(type);
        Map<String, Object> model = model(user, chosen, FieldMappingForm.of(chosen, settings.mapping(chosen.name())),
                Map.of());
        if ("saved".equals(notice)) {
            model.put("notice", "The field mapping of " + chosen.descriptor().label() + " was saved: every customer "
                    + "sees it now.");
        }
        return render(request, user, 200, model);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response post(MultivaluedMap<String, String> form, @Context ContainerRequestContext request,
            @Context HttpHeaders headers) {
        PortalUser user = SettingsActor.admin(request);
        FieldMappingSettings.MappableType type = settings.type(form.getFirst("type"));
        FieldMappingForm filled;
        try {
            filled = FieldMappingForm.parse(form);
        } catch (InvalidSettingException e) {
            return render(request, user, 400, model(user, type, FieldMappingForm.of(type,
                    settings.mapping(type.name())), Map.of(e.field(), e.detail())));
        }
        String action = form.getFirst("action");
        String added = form.getFirst("add");
        if ("add".equals(action) && added != null && !added.isBlank()) {
            filled = filled.adding(added.strip());
        }
        try {
            FieldMapping mapping = settings.checked(user.tenantId(), type, filled.update());
            if ("save".equals(action)) {
                settings.save(SettingsActor.of(user), type, mapping);
                return Response.seeOther(URI.create(PATH + "?type=" + URLEncoder.encode(type.name(),
                        StandardCharsets.UTF_8) + "&notice=saved")).header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .build();
            }
            Map<String, Object> model = model(user, type, filled, Map.of());
            if ("preview".equals(action)) {
                model.put("preview", preview(user, type, mapping, Formats.forReader(headers.getAcceptableLanguages(),
                        user)));
                model.put("notice", "This is a preview: nothing is saved until you press Save.");
            }
            return render(request, user, 200, model);
        } catch (InvalidSettingException e) {
            Map<String, Object> model = model(user, type, filled, Map.of(e.field(), e.detail()));
            model.put("error", "Nothing was saved: correct the field marked below.");
            return render(request, user, 400, model);
        }
    }

    /** The list and the first record's detail page as customers would see them with this mapping alone. */
    private Map<String, Object> preview(PortalUser user, FieldMappingSettings.MappableType type, FieldMapping mapping,
            Formats formats) {
        List<Record> records = reader.list(user.scope(), type.name(), new RecordQuery(null, null, true, null, null,
                null, 1, PREVIEW_RECORDS)).records();
        List<FieldDescriptor> columns = shown(type, mapping, mapping.listColumns() == null
                ? type.listKeys() : mapping.listColumns());
        List<FieldDescriptor> details = shown(type, mapping, mapping.detailFields() == null
                ? type.detailKeys() : mapping.detailFields());
        Map<String, Object> preview = new HashMap<>();
        preview.put("columns", columns.stream().map(FieldDescriptor::label).toList());
        preview.put("rows", records.stream().map(r -> columns.stream().map(c -> text(mapping, r, c, formats))
                .toList()).toList());
        List<Map<String, String>> detail = new ArrayList<>();
        if (!records.isEmpty()) {
            for (FieldDescriptor field : details) {
                String text = text(mapping, records.get(0), field, formats);
                if (!text.isEmpty()) {
                    detail.add(Map.of("label", field.label(), "text", text));
                }
            }
        }
        preview.put("detail", detail);
        preview.put("number", records.isEmpty() || records.get(0).number() == null ? ""
                : records.get(0).number());
        return preview;
    }

    private static List<FieldDescriptor> shown(FieldMappingSettings.MappableType type, FieldMapping mapping,
            List<String> keys) {
        Map<String, FieldDescriptor> own = new LinkedHashMap<>();
        type.fields().forEach(f -> own.put(f.key(), f));
        List<FieldDescriptor> shown = new ArrayList<>();
        for (String key : keys) {
            FieldMapping.FieldSetting setting = mapping.field(key);
            if (setting.hidden()) {
                continue;
            }
            FieldDescriptor field = own.getOrDefault(key, new FieldDescriptor(key, key, FieldType.TEXT));
            shown.add(new FieldDescriptor(key, setting.label() == null ? field.label() : setting.label(),
                    field.type()));
        }
        return shown;
    }

    private static String text(FieldMapping mapping, Record record, FieldDescriptor field, Formats formats) {
        Object value = record.value(field.key());
        if (value instanceof String raw && mapping.field(field.key()).values().containsKey(raw)) {
            return mapping.field(field.key()).values().get(raw);
        }
        return formats.value(value, field.type() == FieldType.STATUS ? FieldType.TEXT : field.type(),
                record.currency());
    }

    private Map<String, Object> model(PortalUser user, FieldMappingSettings.MappableType type, FieldMappingForm form,
            Map<String, String> fieldErrors) {
        Map<String, String> defaults = new LinkedHashMap<>();
        type.fields().forEach(f -> defaults.put(f.key(), f.label()));
        List<FieldMappingMapper.AttributeSample> samples = settings.samples(user.tenantId(), type);
        Map<String, List<String>> samplesByKey = new HashMap<>();
        samples.forEach(s -> samplesByKey.put(s.key(), s.samples()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String key : form.keys()) {
            FieldMappingForm.Row row = form.rows().get(key);
            Map<String, Object> view = new HashMap<>();
            view.put("key", key);
            view.put("defaultLabel", defaults.getOrDefault(key, key));
            view.put("added", !defaults.containsKey(key));
            view.put("label", row.label());
            view.put("hidden", row.hidden());
            view.put("list", row.listPosition());
            view.put("detail", row.detailPosition());
            view.put("values", row.values());
            view.put("samples", String.join(", ", samplesByKey.getOrDefault(key, List.of())));
            rows.add(view);
        }
        List<Map<String, String>> addable = samples.stream().filter(s -> !form.rows().containsKey(s.key()))
                .map(s -> Map.of("key", s.key(), "samples", String.join(", ", s.samples()),
                        "records", String.valueOf(s.records()))).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("types", settings.types().stream().map(t -> Map.of("name", t.name(), "label",
                t.descriptor().label(), "selected", t.name().equals(type.name()))).toList());
        model.put("type", type.name());
        model.put("typeLabel", type.descriptor().label());
        model.put("rows", rows);
        model.put("addable", addable);
        model.put("fieldErrors", fieldErrors);
        return model;
    }

    private Response render(ContainerRequestContext request, PortalUser user, int status, Map<String, Object> content) {
        Map<String, Object> model = new HashMap<>(content);
        model.put("title", "Field mapping");
        model.put("user", user);
        model.put("csrf", request.getProperty(PortalUser.CSRF_REQUEST_PROPERTY));
        model.put("currentPath", PATH);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.render(FieldMappingPages.class, "field-mapping.ftlh", model))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
