package io.portico.settings.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.portico.api.db.Database;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * All the settings as one JSON document, so that an operator can copy a staging portal's settings to production:
 * {@code formatVersion}, {@code exportedAt}, then each {@link SettingsSection} under its key. An import is checked
 * whole before anything is written: a newer format, an unknown key anywhere, a value of the wrong kind or a setting
 * that is not valid here refuses the whole document with a 400 naming the key, and nothing changes. A section the
 * document leaves out (or sets to {@code null}) is left as it is; every other section is replaced, all in one
 * transaction with an audit entry for each section and one for the import.
 */
@Component(service = SettingsTransfer.class)
public final class SettingsTransfer {

    /** The document format this portal writes and reads; a later version is refused, not half read. */
    static final int FORMAT_VERSION = 1;
    static final String FORMAT_KEY = "formatVersion";
    static final String EXPORTED_AT_KEY = "exportedAt";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<SettingsSection> sections;
    private final SqlSessionFactory sessions;
    private final Clock clock;

    /** What an import changes (or, checked only, would change): a sentence per section the document carries. */
    record Outcome(boolean written, List<String> changes) {
    }

    @Activate
    public SettingsTransfer(@Reference Database database, @Reference BrandingSettings branding,
            @Reference SidebarSettings sidebar, @Reference FieldMappingSettings fieldMapping,
            @Reference NetSuiteSettings netsuite) {
        this(database.sessionFactory(BrandingMapper.class, SidebarMapper.class, FieldMappingMapper.class,
                NetSuiteSettingsMapper.class, AuditMapper.class), List.of(branding, sidebar, fieldMapping, netsuite),
                Clock.systemUTC());
    }

    SettingsTransfer(SqlSessionFactory sessions, List<SettingsSection> sections, Clock clock) {
        this.sessions = sessions;
        this.sections = List.copyOf(sections);
        this.clock = clock;
    }

    /** The settings as the document, indented for people to read and diff. */
    byte[] export() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(FORMAT_KEY, FORMAT_VERSION);
        document.put(EXPORTED_AT_KEY, Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        sections.forEach(section -> document.put(section.key(), section.export()));
        try {
            return PRETTY.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks the document whole and, when {@code write}, saves every section it carries in one transaction.
     *
     * @throws InvalidSettingException naming the first key that is not valid (as {@code section.field}); nothing is
     *         written then
     */
    Outcome importDocument(SettingsActor actor, byte[] document, boolean write) {
        JsonNode root = parse(document);
        checkVersion(root);
        Set<String> known = new LinkedHashSet<>(List.of(FORMAT_KEY, EXPORTED_AT_KEY));
        sections.forEach(section -> known.add(section.key()));
        root.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                throw new InvalidSettingException(key, "The document has a key '" + shortened(key) + "' this portal "
                        + "does not know (it knows " + String.join(", ", known) + "): nothing was imported.");
            }
        });
        Map<SettingsSection, SettingsSection.Checked> checked = new LinkedHashMap<>();
        for (SettingsSection section : sections) {
            JsonNode value = root.get(section.key());
            if (value != null && !value.isNull()) {
                try {
                    checked.put(section, section.check(actor, value, SettingsTransfer::read));
                } catch (InvalidSettingException e) {
                    throw e.within(section.key());
                }
            }
        }
        List<String> changes = new ArrayList<>();
        checked.values().forEach(c -> changes.add(c.summary()));
        if (!write) {
            return new Outcome(false, changes);
        }
        try (SqlSession session = sessions.openSession(false)) {
            checked.values().forEach(c -> c.write(session, actor));
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put(FORMAT_KEY, FORMAT_VERSION);
            detail.put("exportedAt", root.path(EXPORTED_AT_KEY).asText(null));
            detail.put("changes", changes);
            session.getMapper(AuditMapper.class).insertAudit(actor.tenantId(), actor.userId(), actor.label(),
                    "settings.import", "Settings imported", JSON.writeValueAsString(detail));
            session.commit(true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        checked.keySet().forEach(SettingsSection::reread);
        return new Outcome(true, changes);
    }

    private static JsonNode parse(byte[] document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw new InvalidSettingException("document", "The document is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage().replaceAll("\\s+", " ") + ").");
        } catch (IOException e) {
            throw new InvalidSettingException("document", "The document could not be read.");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSettingException("document", "The document must be one JSON object, as Export makes it.");
        }
        checkText(root, "");
        return root;
    }

    private static void checkVersion(JsonNode root) {
        JsonNode version = root.get(FORMAT_KEY);
        if (version == null || !version.isIntegralNumber()) {
            throw new InvalidSettingException(FORMAT_KEY, "The document needs its formatVersion, a whole number like "
                    + FORMAT_VERSION + ": export the settings from a Portico portal to get one.");
        }
        if (!version.canConvertToInt() || version.intValue() > FORMAT_VERSION) {
            throw new InvalidSettingException(FORMAT_KEY, "The document is in format " + shortened(version.asText())
                    + ", made by a newer Portico; this portal reads format " + FORMAT_VERSION + " and older. Nothing "
                    + "was imported.");
        }
        if (version.intValue() < 1) {
            throw new InvalidSettingException(FORMAT_KEY, "There is no format " + version.intValue() + ": formats "
                    + "start at 1.");
        }
    }

    /**
     * Refuses control characters (NUL above all, which PostgreSQL cannot store) in any key or text, naming where;
     * tabs and line breaks stay allowed (a private key has line breaks).
     */
    private static void checkText(JsonNode node, String path) {
        if (node.isTextual() && hasControl(node.textValue())) {
            throw new InvalidSettingException(path, "The value of '" + path + "' holds a control character.");
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (hasControl(field.getKey())) {
                    throw new InvalidSettingException(path, "A key in '" + path + "' holds a control character.");
                }
                checkText(field.getValue(), at);
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            checkText(node.get(i), path + "[" + i + "]");
        }
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f);
    }

    /** A part of the document as the type, strictly: an unknown key or a value of the wrong kind is named. */
    private static <T> T read(JsonNode value, Class<T> type) {
        try {
            return JSON.treeToValue(value, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidSettingException(path(e), "There is no key '" + shortened(e.getPropertyName())
                    + "' here (the keys are " + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf)
                    .toList()) + "): nothing was imported.");
        } catch (JsonMappingException e) {
            String path = path(e);
            throw new InvalidSettingException(path, "The value " + (path.isEmpty() ? "" : "of '" + path + "' ")
                    + "is not of the kind Export writes there (text, a number, true or false, a list or an object).");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidSettingException("", "This part of the document cannot be read as Export writes it.");
        }
    }

    /** Where Jackson stopped, like {@code fields[2].label}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String shortened(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
