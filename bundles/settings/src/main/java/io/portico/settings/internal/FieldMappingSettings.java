package io.portico.settings.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portico.api.db.Database;
import io.portico.api.fieldmap.FieldMapper;
import io.portico.api.plugin.PluginName;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.RecordTypeDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Settings &gt; Field mapping, kept in PostgreSQL: the operator's own {@link FieldMapper}, the default one. Ranked 0,
 * so a partner's mapper ranked above it has the last word. Each node rereads the mappings at most every
 * {@link Reread#REFRESH_NANOS}; the saving node at once.
 */
@Component(service = {FieldMapper.class, FieldMappingSettings.class}, property = "service.ranking:Integer=0")
@PluginName("settings-field-mapping")
public final class FieldMappingSettings implements FieldMapper, SettingsSection {

    static final int MAX_LABEL = 80;
    static final int MAX_VALUE = 200;
    static final int MAX_VALUES = 200;
    static final int MAX_FIELDS = 200;
    /** How many of a record type's newest records the page looks at for attribute keys and sample values. */
    static final int SAMPLED = 2000;
    /** Attribute keys as the portal's queries accept them. */
    static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqlSessionFactory sessions;
    private final PluginRegistry plugins;
    private final Reread<Map<String, FieldMapping>> mappings;


    /** A record type an admin can map: its name and the descriptor as its plugin has it. */
    record MappableType(String name, RecordTypeDescriptor descriptor) {

        /** The fields the record type describes: the list's columns, then the detail page's others. */
        List<FieldDescriptor> fields() {
            Map<String, FieldDescriptor> fields = new LinkedHashMap<>();
            descriptor.listColumns().forEach(f -> fields.putIfAbsent(f.key(), f));
            descriptor.detailFields().forEach(f -> fields.putIfAbsent(f.key(), f));
            return List.copyOf(fields.values());
        }

        boolean transactions() {
            return descriptor.category() == RecordCategory.TRANSACTION;
        }

        /** The list's columns as the record type has them. */
        List<String> listKeys() {
            return keys(descriptor.listColumns());
        }

        /** The detail page's fields as the record type has them. */
        List<String> detailKeys() {
            return keys(descriptor.detailFields());
        }
    }

    @Activate
    public FieldMappingSettings(@Reference Database database, @Reference PluginRegistry plugins) {
        this(database.sessionFactory(FieldMappingMapper.class, AuditMapper.class), plugins, System::nanoTime);
    }

    FieldMappingSettings(SqlSessionFactory sessions, PluginRegistry plugins, LongSupplier nanoTime) {
        this.sessions = sessions;
        this.plugins = plugins;
        this.mappings = new Reread<>(this::read, nanoTime);
    }

    @Override
    public String label(String recordType, String fieldKey, String label) {
        String mine = mapping(recordType).field(fieldKey).label();
        return mine == null ? label : mine;
    }

    @Override
    public boolean visible(String recordType, String fieldKey) {
        return !mapping(recordType).field(fieldKey).hidden();
    }

    @Override
    public List<String> listColumns(String recordType, List<String> keys) {
        List<String> mine = mapping(recordType).listColumns();
        return mine == null ? keys : mine;
    }

    @Override
    public List<String> detailFields(String recordType, List<String> keys) {
        List<String> mine = mapping(recordType).detailFields();
        return mine == null ? keys : mine;
    }

    @Override
    public Map<String, String> valueMap(String recordType, String fieldKey, Map<String, String> values) {
        Map<String, String> mine = mapping(recordType).field(fieldKey).values();
        if (mine.isEmpty()) {
            return values;
        }
        Map<String, String> merged = new HashMap<>(values);
        merged.putAll(mine);
        return merged;
    }

    /** The record type's stored mapping, or none. */
    FieldMapping mapping(String recordType) {
        return mappings.get().getOrDefault(recordType, FieldMapping.NONE);
    }

    /** The record types running now that have portal pages, by their sidebar order and label. */
    List<MappableType> types() {
        return plugins.names(RecordType.class).stream()
                .map(name -> plugins.find(RecordType.class, name).map(t -> new MappableType(name, t.descriptor())))
                .flatMap(Optional::stream)
                .filter(t -> t.descriptor().portalPages())
                .sorted(Comparator.comparingInt((MappableType t) -> t.descriptor().sidebarOrder())
                        .thenComparing(t -> t.descriptor().label()))
                .toList();
    }

    /** @throws InvalidSettingException naming {@code type} when no running record type has that name */
    MappableType type(String name) {
        List<MappableType> types = types();
        return types.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidSettingException("type", "There is no record type "
                        + (name == null || name.isBlank() ? "without a name" : "'" + shortened(name) + "'")
                        + ": choose one of " + String.join(", ", types.stream().map(MappableType::name).toList())
                        + "."));
    }

    /** The attribute keys present in the type's synced records, each with a few of its values. */
    List<FieldMappingMapper.AttributeSample> samples(long tenantId, MappableType type) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(FieldMappingMapper.class).attributeSamples(tenantId, type.name(),
                    type.transactions(), SAMPLED);
        }
    }

    /**
     * The update checked against the record type: its fields or attributes its synced records have, labels of one
     * line, value maps with each raw value once, lists of known fields each once. Labels equal to the record
     * type's own and lists equal to its own are kept as none, so that a plugin's later change shows.
     *
     * @throws InvalidSettingException naming the first field that is not valid
     */
    FieldMapping checked(long tenantId, MappableType type, FieldMappingUpdate update) {
        if (update == null) {
            throw new InvalidSettingException("fields", "Send the mapping as {\"fields\": [...], \"listColumns\": "
                    + "[...], \"detailFields\": [...]}.");
        }
        Map<String, FieldDescriptor> own = new LinkedHashMap<>();
        type.fields().forEach(f -> own.put(f.key(), f));
        List<FieldMappingUpdate.Field> fields = update.fields() == null ? List.of() : update.fields();
        if (fields.size() > MAX_FIELDS) {
            throw new InvalidSettingException("fields", "A record type has at most " + MAX_FIELDS + " fields here.");
        }
        Map<String, FieldMapping.FieldSetting> settings = new LinkedHashMap<>();
        Set<String> sent = new HashSet<>();
        for (FieldMappingUpdate.Field field : fields) {
            if (field == null) {
                throw new InvalidSettingException("fields", "Each field is an object with its \"key\".");
            }
            String key = knownKey(tenantId, type, own, field.key());
            if (!sent.add(key)) {
                throw new InvalidSettingException("field." + key, "The field '" + key + "' is listed twice.");
            }
            String name = own.containsKey(key) ? own.get(key).label() : key;
            String label = checkedLabel(key, name, field.label());
            Map<String, String> values = values(key, name, field.values());
            FieldMapping.FieldSetting setting = new FieldMapping.FieldSetting(label != null && label.equals(name)
                    && own.containsKey(key) ? null : label, field.hidden(), values);
            if (!own.containsKey(key) || !setting.equals(FieldMapping.FieldSetting.NONE)) {
                settings.put(key, setting);
            }
        }
        Set<String> known = new HashSet<>(own.keySet());
        known.addAll(settings.keySet());
        List<String> list = keys("listColumns", update.listColumns(), known);
        List<String> detail = keys("detailFields", update.detailFields(), known);
        return new FieldMapping(settings, list == null || list.equals(type.listKeys()) ? null : list,
                detail == null || detail.equals(type.detailKeys()) ? null : detail);
    }

    /** Saves the record type's mapping (none: the record type as its plugin has it) and audits the change. */
    void save(SettingsActor actor, MappableType type, FieldMapping mapping) {
        try (SqlSession session = sessions.openSession(false)) {
            write(session, actor, type, mapping);
            session.commit(true);
        }
        reread();
    }

    private void write(SqlSession session, SettingsActor actor, MappableType type, FieldMapping mapping) {
        FieldMapping before = mapping(type.name());
        FieldMappingMapper mapper = session.getMapper(FieldMappingMapper.class);
        try {
            if (mapping.equals(FieldMapping.NONE)) {
                mapper.delete(actor.tenantId(), type.name());
            } else {
                mapper.upsert(actor.tenantId(), type.name(), JSON.writeValueAsString(mapping));
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("recordType", type.name());
            detail.put("before", before);
            detail.put("after", mapping);
            session.getMapper(AuditMapper.class).insertAudit(actor.tenantId(), actor.userId(), actor.label(),
                    "settings.field_mapping", "Field mapping: " + type.descriptor().label(),
                    JSON.writeValueAsString(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String key() {
        return "fieldMapping";
    }

    /**
     * The mapping of each running record type that has one, by its name, as a {@code PUT} to the JSON API sends it:
     * a label the record type has as none, lists in the record type's own order as none.
     */
    @Override
    public Map<String, FieldMappingUpdate> export() {
        Map<String, FieldMappingUpdate> export = new LinkedHashMap<>();
        for (MappableType type : types()) {
            FieldMapping mapping = mapping(type.name());
            if (!mapping.equals(FieldMapping.NONE)) {
                export.put(type.name(), new FieldMappingUpdate(mapping.fields().entrySet().stream()
                        .map(e -> new FieldMappingUpdate.Field(e.getKey(), e.getValue().label(), e.getValue().hidden(),
                                e.getValue().values().entrySet().stream()
                                        .map(v -> new FieldMappingUpdate.Value(v.getKey(), v.getValue())).toList()))
                        .toList(), mapping.listColumns(), mapping.detailFields()));
            }
        }
        return export;
    }

    /**
     * Each record type in the document gets its mapping; every other running record type goes back to its own
     * fields. A record type that is not running here is refused, naming it.
     */
    @Override
    public Checked check(SettingsActor actor, JsonNode value, DocumentReader read) {
        if (!value.isObject()) {
            throw new InvalidSettingException("", "Send the field mapping as an object with a mapping per record "
                    + "type, like {\"invoice\": {\"fields\": [...]}}.");
        }
        Map<String, FieldMapping> checked = new LinkedHashMap<>();
        for (MappableType type : types()) {
            checked.put(type.name(), FieldMapping.NONE);
        }
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) value::fields) {
            String name = entry.getKey();
            try {
                MappableType type = type(name);
                checked.put(name, checked(actor.tenantId(), type, read.read(entry.getValue(),
                        FieldMappingUpdate.class)));
            } catch (InvalidSettingException e) {
                throw e.within(name);
            }
        }
        Map<String, FieldMapping> changed = new LinkedHashMap<>();
        checked.forEach((name, mapping) -> {
            if (!mapping.equals(mapping(name))) {
                changed.put(name, mapping);
            }
        });
        return new Checked() {
            @Override
            public String summary() {
                if (changed.isEmpty()) {
                    return "Field mapping: unchanged.";
                }
                return "Field mapping: " + changed.entrySet().stream().map(e -> type(e.getKey()).descriptor().label()
                        + (e.getValue().equals(FieldMapping.NONE) ? " as its plugin has it" : " mapped"))
                        .collect(Collectors.joining(", ")) + ".";
            }

            @Override
            public void write(SqlSession session, SettingsActor by) {
                changed.forEach((name, mapping) -> FieldMappingSettings.this.write(session, by, type(name), mapping));
            }
        };
    }

    @Override
    public void reread() {
        mappings.now();
    }

    private String knownKey(long tenantId, MappableType type, Map<String, FieldDescriptor> own, String key) {
        if (key != null && own.containsKey(key)) {
            return key;
        }
        if (key != null && ATTRIBUTE_KEY.matcher(key).matches()) {
            try (SqlSession session = sessions.openSession()) {
                if (session.getMapper(FieldMappingMapper.class).hasAttribute(tenantId, type.name(),
                        type.transactions(), key)) {
                    return key;
                }
            }
        }
        throw new InvalidSettingException("field", "There is no field " + (key == null ? "without a key"
                : "'" + shortened(key) + "'") + " in " + type.descriptor().label()
                + ": choose one of its fields or of the fields its synced records have.");
    }

    private static String checkedLabel(String key, String name, String label) {
        if (label == null) {
            return null;
        }
        String field = "label." + key;
        String stripped = label.strip();
        if (stripped.isEmpty()) {
            throw new InvalidSettingException(field, "The label of " + name + " must not be empty (leave it out "
                    + "for \"" + name + "\").");
        }
        if (stripped.length() > MAX_LABEL || hasControl(stripped)) {
            throw new InvalidSettingException(field, "The label of " + name + " must be one line of at most "
                    + MAX_LABEL + " characters.");
        }
        return stripped;
    }

    private static Map<String, String> values(String key, String name, List<FieldMappingUpdate.Value> values) {
        String field = "values." + key;
        if (values == null) {
            return Map.of();
        }
        if (values.size() > MAX_VALUES) {
            throw new InvalidSettingException(field, "The value map of " + name + " has at most " + MAX_VALUES
                    + " values.");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (FieldMappingUpdate.Value value : values) {
            String raw = value == null || value.raw() == null ? "" : value.raw().strip();
            String display = value == null || value.display() == null ? "" : value.display().strip();
            if (raw.isEmpty() || display.isEmpty()) {
                throw new InvalidSettingException(field, "Each value of " + name + " needs the value as NetSuite "
                        + "sends it and what customers read for it.");
            }
            if (raw.length() > MAX_VALUE || display.length() > MAX_VALUE || hasControl(raw)
                    || hasControl(display)) {
                throw new InvalidSettingException(field, "Each value of " + name + " and its display must be one "
                        + "line of at most " + MAX_VALUE + " characters.");
            }
            if (map.put(raw, display) != null) {
                throw new InvalidSettingException(field, "The value map of " + name + " names '"
                        + shortened(raw) + "' twice.");
            }
        }
        return map;
    }

    private static List<String> keys(String field, List<String> keys, Set<String> known) {
        if (keys == null) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            if (key == null || !known.contains(key)) {
                throw new InvalidSettingException(field, "There is no field " + (key == null ? "without a key"
                        : "'" + shortened(key) + "'") + " to show: add it first.");
            }
            if (!seen.add(key)) {
                throw new InvalidSettingException(field, "The field '" + key + "' is listed twice.");
            }
        }
        return List.copyOf(keys);
    }

    private static List<String> keys(List<FieldDescriptor> fields) {
        return fields.stream().map(FieldDescriptor::key).toList();
    }

    private Map<String, FieldMapping> read() {
        Map<String, FieldMapping> mappings = new HashMap<>();
        try (SqlSession session = sessions.openSession()) {
            for (FieldMappingMapper.Row row : session.getMapper(FieldMappingMapper.class).mappings()) {
                mappings.put(row.recordType(), JSON.readValue(row.mapping(), FieldMapping.class));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored field mapping cannot be read", e);
        }
        return Map.copyOf(mappings);
    }

    /** Whether the text holds a control character: a line break, a tab, a NUL (which PostgreSQL cannot store). */
    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    /** The start of what an admin sent, for a message that names it. */
    private static String shortened(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return hasControl(cut) ? cut.replaceAll("\\p{Cntrl}", "?") : cut;
    }
}
