package io.portico.sandbox.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.sandbox.SandboxCredentials;
import io.portico.sandbox.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * Verifies the client-credentials JWT assertion of NetSuite's M2M flow: {@code alg} one of PS256/384/512 or
 * ES256/384/512 (RS256 is not accepted), {@code kid} the mapped certificate id, {@code iss} the integration's client
 * id, {@code aud} the token endpoint (any host), {@code exp} in the future and at most 60 minutes after {@code iat},
 * and a scope that includes {@code rest_webservices}, given as a string or an array.
 */
final class JwtAssertionVerifier {

  private static final String TOKEN_PATH = "/services/rest/auth/oauth2/v1/token";
  private static final long MAX_LIFETIME_SECONDS = 3600;
  private static final long CLOCK_SKEW_SECONDS = 300;

  private final SandboxCredentials credentials;

  JwtAssertionVerifier(SandboxCredentials credentials) {
    this.credentials = credentials;
  }

  /** Returns the granted scopes. */
  Set<String> verify(String assertion) {
    String[] parts = assertion.split("\\.", -1);
    if (parts.length != 3) {
      throw OAuth2Exception.invalidRequest("client_assertion is not a JWT");
    }
    JsonNode header = decodeJson(parts[0]);
    JsonNode claims = decodeJson(parts[1]);
    String alg = header.path("alg").asText();
    if (!credentials.certificateId().equals(header.path("kid").asText())) {
      throw OAuth2Exception.invalidClient("Unknown certificate id (kid)");
    }
    if (!credentials.clientId().equals(claims.path("iss").asText())) {
      throw OAuth2Exception.invalidClient("Unknown client id (iss)");
    }
    if (!verifySignature(alg, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
        Base64.getUrlDecoder().decode(parts[2]))) {
      throw OAuth2Exception.invalidGrant("Invalid signature on client_assertion");
    }
    checkAudience(claims.get("aud"));
    checkTimes(claims);
    Set<String> scopes = scopes(claims.get("scope"));
    if (!scopes.contains("rest_webservices")) {
      throw OAuth2Exception.invalidScope("The scope must include rest_webservices");
    }
    return scopes;
  }

  private boolean verifySignature(String alg, byte[] signed, byte[] signature) {
    try {
      Signature verifier = switch (alg) {
        case "ES256", "ES384", "ES512" -> {
          if (!(credentials.publicKey() instanceof ECPublicKey)) {
            throw OAuth2Exception.invalidGrant("alg " + alg + " does not match the certificate's key");
          }
          yield Signature.getInstance("SHA" + alg.substring(2) + "withECDSAinP1363Format");
        }
        case "PS256", "PS384", "PS512" -> {
          if (!(credentials.publicKey() instanceof RSAPublicKey)) {
            throw OAuth2Exception.invalidGrant("alg " + alg + " does not match the certificate's key");
          }
          String sha = "SHA-" + alg.substring(2);
          int saltLength = Integer.parseInt(alg.substring(2)) / 8;
          Signature pss = Signature.getInstance("RSASSA-PSS");
          pss.setParameter(new PSSParameterSpec(sha, "MGF1", new MGF1ParameterSpec(sha), saltLength, 1));
          yield pss;
        }
        default -> throw OAuth2Exception.invalidGrant("Unsupported signature algorithm " + alg);
      };
      verifier.initVerify(credentials.publicKey());
      verifier.update(signed);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static void checkAudience(JsonNode aud) {
    boolean ok = false;
    if (aud != null && aud.isArray()) {
      for (JsonNode a : aud) {
        ok |= a.asText().endsWith(TOKEN_PATH);
      }
    } else {
      ok = aud != null && aud.asText().endsWith(TOKEN_PATH);
    }
    if (!ok) {
      throw OAuth2Exception.invalidGrant("aud must be the token endpoint URL");
    }
  }

  private static void checkTimes(JsonNode claims) {
    if (!claims.path("exp").canConvertToLong() || !claims.path("iat").canConvertToLong()) {
      throw OAuth2Exception.invalidGrant("exp and iat are required");
    }
    long now = System.currentTimeMillis() / 1000;
    long iat = claims.get("iat").asLong();
    long exp = claims.get("exp").asLong();
    if (exp <= now) {
      throw OAuth2Exception.invalidGrant("The client_assertion has expired");
    }
    if (iat > now + CLOCK_SKEW_SECONDS) {
      throw OAuth2Exception.invalidGrant("iat lies in the future");
    }
    if (exp - iat > MAX_LIFETIME_SECONDS) {
      throw OAuth2Exception.invalidGrant("exp may be at most 60 minutes after iat");
    }
  }

  private static Set<String> scopes(JsonNode scope) {
    Set<String> scopes = new HashSet<>();
    if (scope == null) {
      return scopes;
    }
    if (scope.isArray()) {
      scope.forEach(s -> scopes.add(s.asText().trim()));
    } else {
      for (String s : scope.asText().split("[,\\s]+")) {
        scopes.add(s.trim());
      }
    }
    return scopes;
  }

  private static JsonNode decodeJson(String part) {
    try {
      return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(part));
    } catch (IllegalArgumentException | IOException e) {
      throw OAuth2Exception.invalidRequest("client_assertion is not a valid JWT");
    }
  }
}
