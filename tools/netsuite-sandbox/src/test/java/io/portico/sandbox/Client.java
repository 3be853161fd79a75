package io.portico.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A small signed HTTP client for tests: every request gets a fresh nonce and the current timestamp. */
final class Client {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Status, headers and parsed body of a response. */
  record Reply(int status, HttpResponse<String> raw, JsonNode json) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String errorCode() {
      return json.path("o:errorDetails").path(0).path("o:errorCode").asText();
    }

    String errorDetail() {
      return json.path("o:errorDetails").path(0).path("detail").asText();
    }
  }

  private final NetSuiteSandbox sandbox;
  private final TestSigner signer;

  Client(NetSuiteSandbox sandbox) {
    this.sandbox = sandbox;
    this.signer = new TestSigner(sandbox.accountId(), sandbox.credentials());
  }

  Reply get(String path) {
    return send("GET", path, null, null);
  }

  Reply post(String path, Object body) {
    return send("POST", path, body, null);
  }

  Reply patch(String path, Object body) {
    return send("PATCH", path, body, null);
  }

  Reply put(String path, Object body) {
    return send("PUT", path, body, null);
  }

  Reply delete(String path) {
    return send("DELETE", path, null, null);
  }

  Reply suiteql(String query, int limit, int offset) {
    ObjectNode body = JSON.createObjectNode().put("q", query);
    return send("POST", "/services/rest/query/v1/suiteql?limit=" + limit + "&offset=" + offset, body, "transient");
  }

  Reply suiteql(String query) {
    return suiteql(query, 1000, 0);
  }

  static String q(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
  }

  Reply send(String method, String path, Object body, String prefer) {
    URI uri = URI.create(sandbox.baseUrl() + path);
    String auth = signer.header(method, uri, UUID.randomUUID().toString().replace("-", ""),
        System.currentTimeMillis() / 1000);
    return raw(method, uri, body, auth, prefer);
  }

  static Reply raw(String method, URI uri, Object body, String authorization, String prefer) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri);
      if (authorization != null) {
        b.header("Authorization", authorization);
      }
      if (prefer != null) {
        b.header("Prefer", prefer);
      }
      if (body != null) {
        b.header("Content-Type", "application/json");
        b.method(method, HttpRequest.BodyPublishers.ofString(
            body instanceof String s ? s : JSON.writeValueAsString(body)));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = r.body().isEmpty() ? JSON.createObjectNode() : parse(r.body());
      return new Reply(r.statusCode(), r, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  TestSigner signer() {
    return signer;
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode().put("raw", body);
    }
  }

  /** Id from the Location header of a 204 create/upsert. */
  static long idFromLocation(Reply r) {
    String location = r.header("Location");
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }
}
