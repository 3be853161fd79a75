package io.portico.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response to send: status, headers and body bytes. */
public record Response(int status, Map<String, String> headers, byte[] body) {

  public static final String SINGULAR = "application/vnd.oracle.resource+json; type=singular; charset=UTF-8";
  public static final String COLLECTION = "application/vnd.oracle.resource+json; type=collection; charset=UTF-8";
  public static final String ERROR = "application/vnd.oracle.resource+json; type=error; charset=UTF-8";
  public static final String PLAIN_JSON = "application/json; charset=UTF-8";

  public static Response json(int status, String contentType, JsonNode body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    return new Response(status, headers, Json.bytes(body));
  }

  /** NetSuite answers create, update and upsert with 204 and the record's URL in {@code Location}. */
  public static Response noContent(String location) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (location != null) {
      headers.put("Location", location);
    }
    return new Response(204, headers, new byte[0]);
  }

  public static Response bytes(int status, String contentType, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    return new Response(status, headers, body);
  }

  public Response withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Response(status, h, body);
  }
}
