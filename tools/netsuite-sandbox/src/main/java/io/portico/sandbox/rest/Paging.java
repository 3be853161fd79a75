package io.portico.sandbox.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.sandbox.errors.NetSuiteException;
import io.portico.sandbox.http.Json;
import io.portico.sandbox.http.Request;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * NetSuite's collection paging, shared by record lists and SuiteQL: {@code limit} 1..1000 (default 1000),
 * {@code offset} a multiple of {@code limit}, and no more than 100,000 results reachable; the envelope is
 * {@code {links, count, hasMore, items, offset, totalResults}} with first/prev/next/last/self links.
 */
public record Paging(int limit, int offset) {

  public static final int MAX_LIMIT = 1000;
  public static final int MAX_RESULTS = 100_000;

  public static Paging of(Request request) {
    int limit = parse(request.param("limit"), MAX_LIMIT, "limit");
    int offset = parse(request.param("offset"), 0, "offset");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw NetSuiteException.invalidParameter("The value of the query parameter 'limit' must be between 1 and "
          + MAX_LIMIT + ".", "limit");
    }
    if (offset < 0) {
      throw NetSuiteException.invalidParameter("The value of the query parameter 'offset' must not be negative.",
          "offset");
    }
    if (offset % limit != 0) {
      throw NetSuiteException.invalidParameter("The offset value must be divisible by the limit value.", "offset");
    }
    if (offset >= MAX_RESULTS) {
      throw NetSuiteException.invalidParameter("The offset value must be less than " + MAX_RESULTS
          + ": a query returns at most " + MAX_RESULTS + " results. To read further, filter on a key instead"
          + " (e.g. WHERE id > :lastId ORDER BY id).", "offset");
    }
    return new Paging(limit, offset);
  }

  /** The collection body; {@code otherParams} (such as {@code q}) are repeated in every link. */
  public ObjectNode envelope(String baseUrl, Map<String, List<String>> otherParams, ArrayNode items, long total) {
    boolean hasMore = hasMore(items.size(), total);
    ObjectNode out = Json.object();
    ArrayNode links = out.putArray("links");
    for (String[] link : links(baseUrl, otherParams, total, hasMore)) {
      links.addObject().put("rel", link[0]).put("href", link[1]);
    }
    out.put("count", items.size());
    out.put("hasMore", hasMore);
    out.set("items", items);
    out.put("offset", offset);
    out.put("totalResults", total);
    return out;
  }

  /** Writes the items of a collection body. */
  @FunctionalInterface
  public interface ItemsWriter {
    void write(JsonGenerator generator) throws IOException;
  }

  /**
   * Streams the same body as {@link #envelope} byte for byte, with {@code items} writing the items array's elements
   * ({@code count} of them) straight into the generator, so no JSON tree is built.
   */
  public void writeEnvelope(JsonGenerator g, String baseUrl, Map<String, List<String>> otherParams, int count,
                            long total, ItemsWriter items) throws IOException {
    boolean hasMore = hasMore(count, total);
    g.writeStartObject();
    g.writeArrayFieldStart("links");
    for (String[] link : links(baseUrl, otherParams, total, hasMore)) {
      g.writeStartObject();
      g.writeStringField("rel", link[0]);
      g.writeStringField("href", link[1]);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("count", count);
    g.writeBooleanField("hasMore", hasMore);
    g.writeArrayFieldStart("items");
    items.write(g);
    g.writeEndArray();
    g.writeNumberField("offset", offset);
    g.writeNumberField("totalResults", total);
    g.writeEndObject();
  }

  private boolean hasMore(int count, long total) {
    return offset + count < Math.min(total, MAX_RESULTS);
  }

  /** The (rel, href) links of a page: first and prev after the first page, next and last before the end, self. */
  private List<String[]> links(String baseUrl, Map<String, List<String>> params, long total, boolean hasMore) {
    long reachable = Math.min(total, MAX_RESULTS);
    List<String[]> links = new ArrayList<>(5);
    if (offset > 0) {
      links.add(link("first", baseUrl, params, 0));
      links.add(link("prev", baseUrl, params, Math.max(0, offset - limit)));
    }
    if (hasMore) {
      links.add(link("next", baseUrl, params, offset + limit));
      links.add(link("last", baseUrl, params, (int) ((reachable - 1) / limit * limit)));
    }
    links.add(link("self", baseUrl, params, offset));
    return links;
  }

  private String[] link(String rel, String baseUrl, Map<String, List<String>> params, int linkOffset) {
    StringBuilder href = new StringBuilder(baseUrl).append('?');
    params.forEach((name, values) -> {
      if (!name.equalsIgnoreCase("limit") && !name.equalsIgnoreCase("offset")) {
        values.forEach(v -> href.append(encode(name)).append('=').append(encode(v)).append('&'));
      }
    });
    href.append("limit=").append(limit).append("&offset=").append(linkOffset);
    return new String[] {rel, href.toString()};
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static int parse(String value, int fallback, String name) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw NetSuiteException.invalidParameter("The value of the query parameter '" + name
          + "' must be an integer.", name);
    }
  }
}
