package io.portico.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.sandbox.data.Choice;
import io.portico.sandbox.data.RecordData;
import io.portico.sandbox.data.Ref;
import io.portico.sandbox.data.Store;
import io.portico.sandbox.data.Subrecord;
import io.portico.sandbox.data.TransactionStatus;
import io.portico.sandbox.http.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders records as NetSuite's REST record service does: {@code links} first, then fields in case-insensitive
 * alphabetical order, ids as strings, numbers as floating point ({@code 1000.0}), references as
 * {@code {links,id,refName}}, enums as {@code {id,refName}}, null fields omitted, sublists and subrecords as links
 * unless expanded.
 */
public final class RecordRenderer {

  /**
   * @param fields lower-case body field names to include ({@code ?fields=}), or null for all fields
   * @param expandSubResources inline sublists and subrecords
   * @param simpleEnumFormat render enums as their bare id
   */
  public record Options(Set<String> fields, boolean expandSubResources, boolean simpleEnumFormat) {
    public static final Options EXPANDED = new Options(null, true, false);
  }

  private final Store store;

  public RecordRenderer(Store store) {
    this.store = store;
  }

  public static String recordUrl(String baseUrl, String type, long id) {
    return baseUrl + "/services/rest/record/v1/" + type + "/" + id;
  }

  public ObjectNode render(RecordData r, String baseUrl, Options options) {
    String self = recordUrl(baseUrl, r.type().restName(), r.id());
    ObjectNode out = Json.object();
    out.set("links", Json.links("self", self));
    List<String> names = new ArrayList<>(r.fields().keySet());
    names.add("id");
    if (options.fields() == null) {
      names.addAll(r.sublists().keySet());
    }
    names.sort(String.CASE_INSENSITIVE_ORDER);
    for (String name : names) {
      if (options.fields() != null && !options.fields().contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (name.equals("id")) {
        out.put("id", String.valueOf(r.id()));
      } else if (r.sublists().containsKey(name) && !r.fields().containsKey(name)) {
        out.set(name, sublist(self + "/" + name, r.sublists().get(name), baseUrl, options));
      } else {
        out.set(name, value(r.get(name), self + "/" + name, baseUrl, options));
      }
    }
    return out;
  }

  /** A sublist on its own, as {@code GET /{type}/{id}/{sublist}} returns it. */
  public ObjectNode sublist(String href, List<Map<String, Object>> lines, String baseUrl, Options options) {
    ObjectNode out = Json.object();
    out.set("links", Json.links("self", href));
    if (!options.expandSubResources()) {
      return out;
    }
    var items = out.putArray("items");
    for (Map<String, Object> line : lines) {
      items.add(line(href + "/" + lineKey(line), line, baseUrl, options));
    }
    out.put("totalResults", lines.size());
    return out;
  }

  public ObjectNode line(String href, Map<String, Object> line, String baseUrl, Options options) {
    ObjectNode out = Json.object();
    out.set("links", Json.links("self", href));
    List<String> names = new ArrayList<>(line.keySet());
    names.sort(String.CASE_INSENSITIVE_ORDER);
    for (String name : names) {
      out.set(name, value(line.get(name), href + "/" + name, baseUrl, options));
    }
    return out;
  }

  /** Line id in links: the {@code line} value for item and apply lines, the address id for address book lines. */
  public static String lineKey(Map<String, Object> line) {
    Object key = line.containsKey("line") ? line.get("line") : line.get("id");
    return String.valueOf(key);
  }

  private JsonNode value(Object v, String href, String baseUrl, Options options) {
    if (v instanceof String s) {
      return Json.MAPPER.getNodeFactory().textNode(s);
    }
    if (v instanceof BigDecimal d) {
      return Json.MAPPER.getNodeFactory().numberNode(d.doubleValue());
    }
    if (v instanceof Integer i) {
      return Json.MAPPER.getNodeFactory().numberNode(i);
    }
    if (v instanceof Long l) {
      return Json.MAPPER.getNodeFactory().numberNode(l);
    }
    if (v instanceof Boolean b) {
      return Json.MAPPER.getNodeFactory().booleanNode(b);
    }
    if (v instanceof LocalDate d) {
      return Json.MAPPER.getNodeFactory().textNode(d.toString());
    }
    if (v instanceof Instant i) {
      return Json.MAPPER.getNodeFactory().textNode(i.toString());
    }
    if (v instanceof Ref ref) {
      ObjectNode out = Json.object();
      out.set("links", Json.links("self", recordUrl(baseUrl, ref.target(), ref.id())));
      out.put("id", String.valueOf(ref.id()));
      String name = store.refName(ref);
      if (name != null) {
        out.put("refName", name);
      }
      return out;
    }
    if (v instanceof TransactionStatus s) {
      return choice(s.label(), s.label(), options);
    }
    if (v instanceof Choice c) {
      return choice(c.id(), c.refName(), options);
    }
    if (v instanceof Subrecord sub) {
      ObjectNode out = options.expandSubResources() ? line(href, sub.fields(), baseUrl, options) : Json.object();
      if (!options.expandSubResources()) {
        out.set("links", Json.links("self", href));
      }
      return out;
    }
    throw new IllegalStateException("Cannot render " + v.getClass());
  }

  private static JsonNode choice(String id, String refName, Options options) {
    if (options.simpleEnumFormat()) {
      return Json.MAPPER.getNodeFactory().textNode(id);
    }
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("refName", refName);
    return out;
  }
}
