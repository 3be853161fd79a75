package io.portico.sandbox.http;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An HTTP request, read fully, with its query string decoded the way OAuth 1.0a and NetSuite decode it. */
public record Request(String method, String path, String rawQuery, Map<String, List<String>> query, Headers headers,
                      byte[] body) {

  public static Request of(String method, String path, String rawQuery, Headers headers, byte[] body) {
    return new Request(method.toUpperCase(Locale.ROOT), path, rawQuery, decodeForm(rawQuery), headers, body);
  }

  /** Decodes {@code a=1&b=x+y} (form encoding: {@code +} is a space). */
  public static Map<String, List<String>> decodeForm(String raw) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  /** First value of a query parameter, matched case-insensitively as NetSuite does, or null. */
  public String param(String name) {
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  public String header(String name) {
    return headers.getFirst(name);
  }

  /** Scheme and host the client addressed, e.g. {@code http://127.0.0.1:8190}; links are built on it. */
  public String root() {
    String base = baseUrl();
    return base.substring(0, base.length() - path.length());
  }

  /** Scheme, host and path the client addressed, lower-cased host, default port dropped: the OAuth base URL. */
  public String baseUrl() {
    String host = header("Host");
    host = host == null ? "localhost" : host.toLowerCase(Locale.ROOT);
    if (host.endsWith(":80")) {
      host = host.substring(0, host.length() - 3);
    }
    return "http://" + host + path;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
