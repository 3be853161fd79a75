package io.portico.sandbox.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record in REST terms: body fields by their REST (camelCase) names and sublists of line maps. Values are
 * {@link String}, {@link BigDecimal}, {@link Boolean}, {@link LocalDate} (date fields), {@link Instant} (date-time
 * fields), {@link Ref}, {@link Choice}, {@link TransactionStatus} or {@link Subrecord}. Instances are mutable only while
 * being built or changed inside the store; everything handed out is a copy.
 */
public final class RecordData {

  private final RecordType type;
  private final long id;
  private final Map<String, Object> fields = new LinkedHashMap<>(64);
  private final Map<String, List<Map<String, Object>>> sublists = new LinkedHashMap<>();

  public RecordData(RecordType type, long id) {
    this.type = type;
    this.id = id;
  }

  public RecordType type() {
    return type;
  }

  public long id() {
    return id;
  }

  public RecordData set(String field, Object value) {
    if (value == null) {
      fields.remove(field);
    } else {
      fields.put(field, value);
    }
    return this;
  }

  public Object get(String field) {
    return fields.get(field);
  }

  public Map<String, Object> fields() {
    return fields;
  }

  public Map<String, List<Map<String, Object>>> sublists() {
    return sublists;
  }

  public List<Map<String, Object>> sublist(String name) {
    return sublists.getOrDefault(name, List.of());
  }

  public RecordData setSublist(String name, List<Map<String, Object>> lines) {
    sublists.put(name, lines);
    return this;
  }

  public String string(String field) {
    Object v = fields.get(field);
    return v == null ? null : v.toString();
  }

  public BigDecimal decimal(String field) {
    Object v = fields.get(field);
    return v instanceof BigDecimal d ? d : BigDecimal.ZERO;
  }

  public LocalDate date(String field) {
    return (LocalDate) fields.get(field);
  }

  public Ref ref(String field) {
    return (Ref) fields.get(field);
  }

  public boolean flag(String field) {
    return Boolean.TRUE.equals(fields.get(field));
  }

  /** A deep copy; line maps and subrecords are copied so callers can change them freely. */
  public RecordData copy() {
    RecordData c = new RecordData(type, id);
    fields.forEach((k, v) -> c.fields.put(k, v instanceof Subrecord s ? new Subrecord(s.fields()) : v));
    sublists.forEach((name, lines) -> {
      List<Map<String, Object>> copied = new ArrayList<>(lines.size());
      for (Map<String, Object> line : lines) {
        Map<String, Object> l = new LinkedHashMap<>();
        line.forEach((k, v) -> l.put(k, v instanceof Subrecord s ? new Subrecord(s.fields()) : v));
        copied.add(l);
      }
      c.sublists.put(name, copied);
    });
    return c;
  }
}
