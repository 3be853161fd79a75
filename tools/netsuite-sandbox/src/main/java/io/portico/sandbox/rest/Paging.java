package io.portico.sandbox.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.sandbox.errors.NetSuiteException;
import io.portico.sandbox.http.Json;
import io.portico.sandbox.http.Request;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
    long reachable = Math.min(total, MAX_RESULTS);
    boolean hasMore = offset + items.size() < reachable;
    ObjectNode out = Json.object();
    ArrayNode links = out.putArray("links");
    if (offset > 0) {
      link(links, "first", baseUrl, otherParams, 0);
      link(links, "prev", baseUrl, otherParams, Math.max(0, offset - limit));
    }
    if (hasMore) {
      link(links, "next", baseUrl, otherParams, offset + limit);
      link(links, "last", baseUrl, otherParams, (int) ((reachable - 1) / limit * limit));
    }
    link(links, "self", baseUrl, otherParams, offset);
    out.put("count", items.size());
    out.put("hasMore", hasMore);
    out.set("items", items);
    out.put("offset", offset);
    out.put("totalResults", total);
    return out;
  }

  private void link(ArrayNode links, String rel, String baseUrl, Map<String, List<String>> params, int linkOffset) {
    StringBuilder href = new StringBuilder(baseUrl).append('?');
    params.forEach((name, values) -> {
      if (!name.equalsIgnoreCase("limit") && !name.equalsIgnoreCase("offset")) {
        values.forEach(v -> href.append(encode(name)).append('=').append(encode(v)).append('&'));
      }
    });
    href.append("limit=").append(limit).append("&offset=").append(linkOffset);
    links.addObject().put("rel", rel).put("href", href.toString());
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
