package io.portico.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthTest {

  private static NetSuiteSandbox sandbox;
  private static Client client;

  @BeforeAll
  static void start() {
    sandbox = NetSuiteSandbox.builder().customers(5).invoicesPerCustomer(2).start();
    client = new Client(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  private static URI uri(String path) {
    return URI.create(sandbox.baseUrl() + path);
  }

  @Test
  void acceptsCorrectlySignedRequestsIncludingQueryParameters() {
    Client.Reply r = client.get("/services/rest/record/v1/customer?limit=2&q="
        + Client.q("lastModifiedDate ON_OR_AFTER \"1/1/2020\""));
    assertEquals(200, r.status());
    assertEquals(2, r.json().get("count").asInt());
  }

  @Test
  void jsonBodyIsNotPartOfTheSignature() {
    assertEquals(200, client.suiteql("SELECT id FROM customer", 5, 0).status());
  }

  @Test
  void rejectsBadSignatureWithInvalidLogin() {
    URI u = uri("/services/rest/record/v1/customer");
    String auth = client.signer().header("GET", u, "nonce-bad-signature", now(), "not-the-secret");
    Client.Reply r = Client.raw("GET", u, null, auth, null);
    assertEquals(401, r.status());
    assertEquals("INVALID_LOGIN", r.errorCode());
    assertEquals(401, r.json().get("status").asInt());
    assertTrue(sandbox.loginAuditTrail().contains("InvalidSignature"));
  }

  @Test
  void rejectsSignatureOverOtherQueryParameters() {
    String auth = client.signer().header("GET", uri("/services/rest/record/v1/customer?limit=5"), "nonce-query-1",
        now());
    Client.Reply r = Client.raw("GET", uri("/services/rest/record/v1/customer?limit=6"), null, auth, null);
    assertEquals(401, r.status());
  }

  @Test
  void rejectsReplayedNonce() {
    URI u = uri("/services/rest/record/v1/customer");
    long ts = now();
    String auth = client.signer().header("GET", u, "nonce-replayed-1", ts);
    assertEquals(200, Client.raw("GET", u, null, auth, null).status());
    Client.Reply replay = Client.raw("GET", u, null, auth, null);
    assertEquals(401, replay.status());
    assertEquals("INVALID_LOGIN", replay.errorCode());
    assertTrue(sandbox.loginAuditTrail().contains("NonceUsed"));
  }

  @Test
  void rejectsStaleAndFutureTimestamps() {
    URI u = uri("/services/rest/record/v1/customer");
    assertEquals(401, Client.raw("GET", u, null, client.signer().header("GET", u, "nonce-stale-1", now() - 600),
        null).status());
    assertEquals(401, Client.raw("GET", u, null, client.signer().header("GET", u, "nonce-future-1", now() + 600),
        null).status());
    assertTrue(sandbox.loginAuditTrail().contains("InvalidTimestamp"));
  }

  @Test
  void rejectsWrongRealmAndMissingHeader() {
    URI u = uri("/services/rest/record/v1/customer");
    TestSigner otherAccount = new TestSigner("7654321", sandbox.credentials());
    assertEquals(401, Client.raw("GET", u, null, otherAccount.header("GET", u, "nonce-realm-1", now()), null)
        .status());
    assertEquals(401, Client.raw("GET", u, null, null, null).status());
  }

  @Test
  void m2mClientCredentialsWithEs256IssueBearerTokens() throws Exception {
    SandboxCredentials c = sandbox.credentials();
    String assertion = jwt("ES256", c.certificateId(), c.clientId(), tokenUrl(), now(), now() + 300,
        c.privateKey());
    HttpResponse<String> token = tokenRequest(assertion);
    assertEquals(200, token.statusCode());
    ObjectNode body = (ObjectNode) Client.JSON.readTree(token.body());
    assertEquals(3600, body.get("expires_in").asInt());
    assertEquals("Bearer", body.get("token_type").asText());
    String accessToken = body.get("access_token").asText();
    Client.Reply ok = Client.raw("GET", uri("/services/rest/record/v1/customer"), null, "Bearer " + accessToken,
        null);
    assertEquals(200, ok.status());
    assertEquals(401, Client.raw("GET", uri("/services/rest/record/v1/customer"), null, "Bearer forged", null)
        .status());
  }

  @Test
  void m2mRejectsWrongKidExpiredAssertionsAndMissingScope() throws Exception {
    SandboxCredentials c = sandbox.credentials();
    HttpResponse<String> badKid = tokenRequest(jwt("ES256", "other-cert", c.clientId(), tokenUrl(), now(),
        now() + 300, c.privateKey()));
    assertEquals(401, badKid.statusCode());
    assertTrue(badKid.body().contains("invalid_client"));
    HttpResponse<String> expired = tokenRequest(jwt("ES256", c.certificateId(), c.clientId(), tokenUrl(),
        now() - 7200, now() - 3600, c.privateKey()));
    assertEquals(400, expired.statusCode());
    assertTrue(expired.body().contains("invalid_grant"));
    HttpResponse<String> tooLong = tokenRequest(jwt("ES256", c.certificateId(), c.clientId(), tokenUrl(), now(),
        now() + 7200, c.privateKey()));
    assertTrue(tooLong.body().contains("invalid_grant"));
    HttpResponse<String> wrongAudience = tokenRequest(jwt("ES256", c.certificateId(), c.clientId(),
        "https://example.com/token", now(), now() + 300, c.privateKey()));
    assertTrue(wrongAudience.body().contains("invalid_grant"));
  }

  @Test
  void m2mAcceptsPs256WithAnRsaCertificate() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    KeyPair pair = gen.generateKeyPair();
    SandboxCredentials rsa = SandboxCredentials.demo().withCertificate("rsa-cert-1", pair.getPublic(),
        pair.getPrivate());
    try (NetSuiteSandbox other = NetSuiteSandbox.builder().customers(2).credentials(rsa).start()) {
      String url = other.baseUrl() + "/services/rest/auth/oauth2/v1/token";
      String assertion = jwt("PS256", "rsa-cert-1", rsa.clientId(), url, now(), now() + 300, pair.getPrivate());
      HttpResponse<String> token = post(url, form(assertion));
      assertEquals(200, token.statusCode(), token.body());
      String es = jwt("ES256", "rsa-cert-1", rsa.clientId(), url, now(), now() + 300,
          SandboxCredentials.demo().privateKey());
      assertFalse(post(url, form(es)).body().contains("access_token"));
    }
  }

  private static String tokenUrl() {
    return sandbox.baseUrl() + "/services/rest/auth/oauth2/v1/token";
  }

  private static HttpResponse<String> tokenRequest(String assertion) throws Exception {
    return post(tokenUrl(), form(assertion));
  }

  private static String form(String assertion) {
    return "grant_type=client_credentials&client_assertion_type="
        + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
        + "&client_assertion=" + assertion;
  }

  private static HttpResponse<String> post(String url, String form) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Builds and signs a JWT assertion the way a NetSuite M2M client does. */
  static String jwt(String alg, String kid, String iss, String aud, long iat, long exp, PrivateKey key)
      throws Exception {
    String header = b64(("{\"typ\":\"JWT\",\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\"}").getBytes());
    String claims = b64(("{\"iss\":\"" + iss + "\",\"scope\":[\"restlets\",\"rest_webservices\"],\"aud\":\"" + aud
        + "\",\"iat\":" + iat + ",\"exp\":" + exp + ",\"jti\":\"" + iat + kid + "\"}").getBytes());
    Signature s;
    if (alg.startsWith("ES")) {
      s = Signature.getInstance("SHA256withECDSAinP1363Format");
    } else {
      s = Signature.getInstance("RSASSA-PSS");
      s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
    }
    s.initSign(key);
    s.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
    return header + "." + claims + "." + b64(s.sign());
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
