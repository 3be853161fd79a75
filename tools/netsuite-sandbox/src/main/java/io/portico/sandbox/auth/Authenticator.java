package io.portico.sandbox.auth;

import io.portico.sandbox.SandboxCredentials;
import io.portico.sandbox.errors.NetSuiteException;
import io.portico.sandbox.http.Request;
import java.util.Locale;

/** Accepts a request signed with TBA (OAuth 1.0a) or carrying a Bearer token from the M2M token endpoint. */
public final class Authenticator {

  private final OAuth1Verifier oauth1;
  private final AccessTokens tokens;
  private final JwtAssertionVerifier assertions;
  private final LoginAudit audit;

  public Authenticator(String accountId, SandboxCredentials credentials, LoginAudit audit) {
    this.audit = audit;
    this.oauth1 = new OAuth1Verifier(accountId, credentials, audit);
    this.tokens = new AccessTokens();
    this.assertions = new JwtAssertionVerifier(credentials);
  }

  public void authenticate(Request request) {
    String header = request.header("Authorization");
    String lower = header == null ? "" : header.toLowerCase(Locale.ROOT);
    if (lower.startsWith("oauth ")) {
      oauth1.verify(request.method(), request.baseUrl(), request.query(), header.substring(6));
    } else if (lower.startsWith("bearer ")) {
      if (!tokens.isValid(header.substring(7).trim())) {
        audit.reject("InvalidToken");
        throw NetSuiteException.invalidLogin();
      }
    } else {
      audit.reject("MissingAuthorization");
      throw NetSuiteException.invalidLogin();
    }
  }

  /** Checks a client-credentials assertion and issues an access token. */
  String exchange(String assertion) {
    assertions.verify(assertion);
    return tokens.issue();
  }
}
