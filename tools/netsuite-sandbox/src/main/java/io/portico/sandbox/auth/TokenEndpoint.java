package io.portico.sandbox.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.sandbox.http.Endpoint;
import io.portico.sandbox.http.Json;
import io.portico.sandbox.http.Request;
import io.portico.sandbox.http.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /services/rest/auth/oauth2/v1/token} with {@code grant_type=client_credentials},
 * {@code client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer} and a signed
 * {@code client_assertion}; answers {@code {"access_token","expires_in":3600,"token_type":"Bearer"}}.
 */
public final class TokenEndpoint implements Endpoint {

  private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private final Authenticator authenticator;

  public TokenEndpoint(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public Response handle(Request request) {
    try {
      if (!request.method().equals("POST")) {
        throw OAuth2Exception.invalidRequest("Use POST");
      }
      Map<String, List<String>> form = Request.decodeForm(new String(request.body(), StandardCharsets.UTF_8));
      if (!"client_credentials".equals(first(form, "grant_type"))) {
        throw OAuth2Exception.unsupportedGrantType("grant_type must be client_credentials");
      }
      if (!JWT_BEARER.equals(first(form, "client_assertion_type"))) {
        throw OAuth2Exception.invalidRequest("client_assertion_type must be " + JWT_BEARER);
      }
      String assertion = first(form, "client_assertion");
      if (assertion == null || assertion.isEmpty()) {
        throw OAuth2Exception.invalidRequest("client_assertion is required");
      }
      ObjectNode body = Json.object();
      body.put("access_token", authenticator.exchange(assertion));
      body.put("expires_in", AccessTokens.LIFETIME_SECONDS);
      body.put("token_type", "Bearer");
      return Response.json(200, Response.PLAIN_JSON, body);
    } catch (OAuth2Exception e) {
      ObjectNode body = Json.object();
      body.put("error", e.error());
      body.put("error_description", e.getMessage());
      return Response.json(e.status(), Response.PLAIN_JSON, body);
    }
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
