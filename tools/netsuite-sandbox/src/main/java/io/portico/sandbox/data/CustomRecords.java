package io.portico.sandbox.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.sandbox.errors.NetSuiteException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Partners' custom record types ({@code customrecord_*}): defined with their fields and filled through the control
 * API, read through SuiteQL as tables of their script id. Nothing is generated: a type has the records it was given.
 */
public final class CustomRecords {

  /** The field kinds a custom record field may have, as the control API names them. */
  public static final Map<String, FieldKind> KINDS = Map.of("text", FieldKind.STRING, "decimal", FieldKind.NUMBER,
      "checkbox", FieldKind.BOOLEAN, "date", FieldKind.DATE, "select", FieldKind.REFERENCE);

  private static final Pattern SCRIPT_ID = Pattern.compile("customrecord_[a-z0-9_]{1,80}");
  private static final Pattern FIELD_ID = Pattern.compile("custrecord_[a-z0-9_]{1,80}");

  /** One record: its own columns, and its fields' values (String, BigDecimal, "T"/"F", LocalDate or Long). */
  public record CustomRecord(long id, String name, String isInactive, Instant created, Instant lastModified,
      Map<String, Object> values) {
  }

  /** A defined type: its fields in the order they were defined, and its records by id. */
  public static final class Type {
    private final String scriptId;
    private final Map<String, FieldKind> fields = new LinkedHashMap<>();
    private final Map<Long, CustomRecord> records = new LinkedHashMap<>();
    private long lastId;

    private Type(String scriptId) {
      this.scriptId = scriptId;
    }

    public String scriptId() {
      return scriptId;
    }

    public synchronized Map<String, FieldKind> fields() {
      return Map.copyOf(fields);
    }

    /** The field names in definition order. */
    public synchronized List<String> fieldNames() {
      return List.copyOf(fields.keySet());
    }

    /** The records in id order, as they are now. */
    public synchronized List<CustomRecord> records() {
      return List.copyOf(records.values());
    }
  }

  private final SandboxClock clock;
  private final Map<String, Type> types = new ConcurrentHashMap<>();

  CustomRecords(SandboxClock clock) {
    this.clock = clock;
  }

  public Optional<Type> type(String scriptId) {
    return Optional.ofNullable(types.get(scriptId.toLowerCase(Locale.ROOT)));
  }

  /**
   * Defines {@code scriptId} with these fields ({@code {"custrecord_x": "text"}}, kinds {@link #KINDS}), or adds
   * fields to it; a field keeps the kind it was first given, and the records stay.
   */
  public Type define(String scriptId, JsonNode fields) {
    String id = scriptId.toLowerCase(Locale.ROOT);
    if (!SCRIPT_ID.matcher(id).matches()) {
      throw NetSuiteException.invalidContent("A custom record type's script id is customrecord_ and lower-case "
          + "letters, digits or underscores: " + scriptId, "scriptId");
    }
    if (!fields.isObject()) {
      throw NetSuiteException.invalidContent("fields must be an object of field ids and kinds.", "fields");
    }
    Map<String, FieldKind> parsed = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey().toLowerCase(Locale.ROOT);
      if (!FIELD_ID.matcher(name).matches()) {
        throw NetSuiteException.invalidContent("A custom record field id is custrecord_ and lower-case letters, "
            + "digits or underscores: " + field.getKey(), "fields." + field.getKey());
      }
      FieldKind kind = KINDS.get(field.getValue().asText());
      if (kind == null) {
        throw NetSuiteException.invalidContent("The kind of " + field.getKey() + " is one of "
            + new ArrayList<>(KINDS.keySet()) + ".", "fields." + field.getKey());
      }
      parsed.put(name, kind);
    }
    Type type = types.computeIfAbsent(id, Type::new);
    synchronized (type) {
      parsed.forEach(type.fields::putIfAbsent);
    }
    return type;
  }

  /** Creates a record ({@code name}, optional {@code isInactive}, field values) and returns its id. */
  public long create(String scriptId, JsonNode body) {
    Type type = type(scriptId).orElseThrow(() -> NetSuiteException.notFound("Unknown custom record type "
        + scriptId + ": define it first (PUT /sandbox/customrecords/" + scriptId + ")"));
    if (!body.path("name").isTextual() || body.path("name").asText().isBlank()) {
      throw NetSuiteException.invalidContent("A custom record needs a name.", "name");
    }
    synchronized (type) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String name = entry.getKey().toLowerCase(Locale.ROOT);
        if (name.equals("name") || name.equals("isinactive")) {
          continue;
        }
        FieldKind kind = type.fields.get(name);
        if (kind == null) {
          throw NetSuiteException.invalidContent(scriptId + " has no field " + entry.getKey() + ".",
              entry.getKey());
        }
        values.put(name, value(kind, entry.getKey(), entry.getValue()));
      }
      Instant now = clock.now();
      long id = ++type.lastId;
      type.records.put(id, new CustomRecord(id, body.get("name").asText(),
          body.path("isInactive").asBoolean(false) ? "T" : "F", now, now, Collections.unmodifiableMap(values)));
      return id;
    }
  }

  private static Object value(FieldKind kind, String field, JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    try {
      return switch (kind) {
        case NUMBER -> new BigDecimal(value.asText());
        case BOOLEAN -> value.asBoolean() ? "T" : "F";
        case DATE -> LocalDate.parse(value.asText());
        case REFERENCE -> Long.parseLong(value.has("id") ? value.get("id").asText() : value.asText());
        default -> value.asText();
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw NetSuiteException.invalidContent("Invalid value for " + field + ": " + value, field);
    }
  }
}
