package io.portico.sandbox;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The secrets a NetSuite integration holds: the OAuth 1.0a TBA quadruple, and for the OAuth 2.0 M2M flow the
 * integration's client id plus the certificate (id and public key) mapped on the M2M setup page.
 * {@code privateKey} is the key the client signs its JWT assertion with; NetSuite never sees it, the sandbox only
 * carries it so demos and tests have a matching pair. It may be null.
 */
public record SandboxCredentials(String consumerKey, String consumerSecret, String tokenId, String tokenSecret,
                                 String clientId, String certificateId, PublicKey publicKey, PrivateKey privateKey) {

  // A fixed EC P-256 pair so the demo credentials are the same on every run.
  private static final String DEMO_EC_PUBLIC =
      "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE9fNPwpyAvSByaNabDOBXvfAX1jUMDI3yg60UpiASxrsa1ibKTLXmCwSQE2TV65VStYL7ZYyi81Bvq2/y6Ehd/A==";
  private static final String DEMO_EC_PRIVATE =
      "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQghaBqcf+FuHIXoyCKfYy6zMKWOKol2rR7NQdK60LsBeOhRANCAAT180/CnIC9IHJo1psM4Fe98BfWNQwMjfKDrRSmIBLGuxrWJspMteYLBJATZNXrlVK1gvtljKLzUG+rb/LoSF38";

  /** Fixed, well-known credentials for local demos and tests. */
  public static SandboxCredentials demo() {
    try {
      KeyFactory ec = KeyFactory.getInstance("EC");
      PublicKey pub = ec.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(DEMO_EC_PUBLIC)));
      PrivateKey priv = ec.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(DEMO_EC_PRIVATE)));
      return new SandboxCredentials(
          "ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4",
          "d26ad321a4b2f23b0741c8d38392ce01c3e23e109df6c96eac6d099e9ab9a8f5",
          "2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc",
          "c29a677df7d5439a458c063654187e3d678d73aca8e3c9d8bea1478a3eb0d295",
          "1c343a71e6f5be7ea3b4eb1d2b1bca5dd0e3bd8ad5a3d4b8c34c1bd1a8b0d0fe",
          "HRril7VwAyqBcQH-lvRJa8e7yzA3ESFTbjaLuAIq",
          pub, priv);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK lacks EC support", e);
    }
  }

  /** The same credentials with a different M2M certificate, e.g. an RSA-PSS key for PS256 assertions. */
  public SandboxCredentials withCertificate(String newCertificateId, PublicKey newPublicKey, PrivateKey newPrivateKey) {
    return new SandboxCredentials(consumerKey, consumerSecret, tokenId, tokenSecret, clientId, newCertificateId,
        newPublicKey, newPrivateKey);
  }

  @Override
  public String toString() {
    return "SandboxCredentials[consumerKey=" + consumerKey + ", tokenId=" + tokenId + ", clientId=" + clientId
        + ", certificateId=" + certificateId + ", secrets hidden]";
  }
}
