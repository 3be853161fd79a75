package io.portico.sandbox.auth;

/** An RFC 6749 token-endpoint error ({@code {"error": "invalid_grant"}}), which is not in NetSuite's REST error shape. */
public final class OAuth2Exception extends RuntimeException {

  private final String error;
  private final int status;

  OAuth2Exception(String error, int status, String description) {
    super(description);
    this.error = error;
    this.status = status;
  }

  static OAuth2Exception invalidRequest(String description) {
    return new OAuth2Exception("invalid_request", 400, description);
  }

  static OAuth2Exception invalidClient(String description) {
    return new OAuth2Exception("invalid_client", 401, description);
  }

  static OAuth2Exception invalidGrant(String description) {
    return new OAuth2Exception("invalid_grant", 400, description);
  }

  static OAuth2Exception invalidScope(String description) {
    return new OAuth2Exception("invalid_scope", 400, description);
  }

  static OAuth2Exception unsupportedGrantType(String description) {
    return new OAuth2Exception("unsupported_grant_type", 400, description);
  }

  public String error() {
    return error;
  }

  public int status() {
    return status;
  }
}
