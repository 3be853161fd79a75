package io.portico.sandbox.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.sandbox.errors.NetSuiteException;

/** Renders {@link NetSuiteException}s in NetSuite's error body shape. */
public final class ErrorResponses {

  private ErrorResponses() {
  }

  public static Response of(NetSuiteException e) {
    ObjectNode body = Json.object();
    body.put("type", typeUrl(e.status()));
    body.put("title", title(e.status()));
    body.put("status", e.status());
    ObjectNode detail = body.putArray("o:errorDetails").addObject();
    detail.put("detail", e.detail());
    if (e.errorPath() != null) {
      detail.put("o:errorPath", e.errorPath());
    }
    if (e.queryParam() != null) {
      detail.put("o:errorQueryParam", e.queryParam());
    }
    if (e.header() != null) {
      detail.put("o:errorHeader", e.header());
    }
    detail.put("o:errorCode", e.code());
    return Response.json(e.status(), Response.ERROR, body);
  }

  private static String typeUrl(int status) {
    return switch (status) {
      case 400 -> "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1";
      case 401 -> "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2";
      case 403 -> "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.4";
      case 404 -> "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5";
      case 405 -> "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.6";
      case 429 -> "https://www.rfc-editor.org/rfc/rfc6585.html#section-4";
      default -> "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.1";
    };
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 429 -> "Too Many Requests";
      default -> "Internal Server Error";
    };
  }
}
