package io.portico.oidc.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values for state, nonce, PKCE and cookies; the PKCE S256 challenge; hashes. */
public final class RandomValues {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private RandomValues() {
    }

    /** 256 random bits, base64url: usable as state, nonce or PKCE code verifier (43 characters). */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** The PKCE {@code S256} code challenge of a verifier (RFC 7636 section 4.2). */
    static String s256Challenge(String codeVerifier) {
        return BASE64URL.encodeToString(sha256(codeVerifier.getBytes(StandardCharsets.US_ASCII)));
    }

    public static byte[] sha256(String input) {
        return sha256(input.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Compares secrets in time that does not depend on where they differ. */
    static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
