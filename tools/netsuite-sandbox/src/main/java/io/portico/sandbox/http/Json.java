package io.portico.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.sandbox.errors.NetSuiteException;
import java.nio.charset.StandardCharsets;

/** The one Jackson mapper and small helpers for building NetSuite's JSON. */
public final class Json {

  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** {@code [{"rel": rel, "href": href}]} */
  public static ArrayNode links(String rel, String href) {
    ArrayNode links = array();
    links.addObject().put("rel", rel).put("href", href);
    return links;
  }

  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses a request body; an empty body is an empty object, malformed JSON is NetSuite's INVALID_CONTENT. */
  public static JsonNode parseBody(byte[] body) {
    if (body.length == 0) {
      return object();
    }
    try {
      return MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw NetSuiteException.invalidContent("Invalid JSON in the request body: " + e.getOriginalMessage(), null);
    }
  }
}
