package io.portico.settings.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.PorticoResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/admin/settings/field-mapping} for the operator's owners and admins: the record types that can be
 * mapped, and each one's mapping ({@code /{type}}), replaced whole with {@code PUT} and checked as the page checks it:
 * an unknown record type or field, an empty or over-long label, a value map naming a raw value twice is a 400 naming
 * the field, and nothing is saved. Each change is audited like the page's.
 */
@Component(service = FieldMappingApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/admin/settings/field-mapping")
public final class FieldMappingApi {

    private final FieldMappingSettings settings;

    @Activate
    public FieldMappingApi(@Reference FieldMappingSettings settings) {
        this.settings = settings;
    }

    /** A record type that can be mapped. */
    public record TypeJson(String type, String label) {
    }

    public record TypesJson(List<TypeJson> recordTypes) {
    }

    /**
     * A field of the record type and what the mapping makes of it.
     *
     * @param defaultLabel the record type's own label (for an added field, its key)
     * @param label the label customers read
     * @param added whether the field is an attribute of the synced records an admin added
     */
    public record FieldJson(String key, String defaultLabel, String label, boolean hidden, boolean added,
            List<FieldMappingUpdate.Value> values) {
    }

    /** A record type's mapping: every field, and the list's columns and detail page's fields in order. */
    public record MappingJson(String recordType, List<FieldJson> fields, List<String> listColumns,
            List<String> detailFields) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public TypesJson types(@Context ContainerRequestContext request) {
        SettingsActor.admin(request);
        return new TypesJson(settings.types().stream().map(t -> new TypeJson(t.name(), t.descriptor().label()))
                .toList());
    }

    @GET
    @Path("{type}")
    @Produces(MediaType.APPLICATION_JSON)
    public MappingJson get(@PathParam("type") String type, @Context ContainerRequestContext request) {
        SettingsActor.admin(request);
        return json(settings.type(type));
    }

    @PUT
    @Path("{type}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public MappingJson put(@PathParam("type") String type, FieldMappingUpdate update,
            @Context ContainerRequestContext request) {
        PortalUser user = SettingsActor.admin(request);
        FieldMappingSettings.MappableType mappable = settings.type(type);
        settings.save(SettingsActor.of(user), mappable, settings.checked(user.tenantId(), mappable, update));
        return json(mappable);
    }

    private MappingJson json(FieldMappingSettings.MappableType type) {
        FieldMapping mapping = settings.mapping(type.name());
        Map<String, String> defaults = new LinkedHashMap<>();
        type.fields().forEach(f -> defaults.put(f.key(), f.label()));
        List<String> keys = new ArrayList<>(defaults.keySet());
        mapping.fields().keySet().stream().filter(k -> !defaults.containsKey(k)).forEach(keys::add);
        List<FieldJson> fields = keys.stream().map(key -> {
            FieldMapping.FieldSetting field = mapping.field(key);
            String defaultLabel = defaults.getOrDefault(key, key);
            return new FieldJson(key, defaultLabel, field.label() == null ? defaultLabel : field.label(),
                    field.hidden(), !defaults.containsKey(key), field.values().entrySet().stream()
                            .map(e -> new FieldMappingUpdate.Value(e.getKey(), e.getValue())).toList());
        }).toList();
        return new MappingJson(type.name(), fields,
                mapping.listColumns() == null ? type.listKeys() : mapping.listColumns(),
                mapping.detailFields() == null ? type.detailKeys() : mapping.detailFields());
    }
}
