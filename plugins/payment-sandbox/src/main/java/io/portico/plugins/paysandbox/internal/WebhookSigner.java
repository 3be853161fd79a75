package io.portico.plugins.paysandbox.internal;

import io.portico.api.payment.PaymentException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies the way Stripe does, {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>},
 * and checks such signatures: any {@code v1} may match (several appear while a secret is rotated), compared in
 * constant time, and the timestamp must be within {@link #TOLERANCE} of now either way.
 */
final class WebhookSigner {

    static final String HEADER = "Sandbox-Signature";
    static final Duration TOLERANCE = Duration.ofSeconds(300);

    private final byte[] secret;
    private final Clock clock;

    WebhookSigner(String secret, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** The header's value for a body sent now. */
    String sign(byte[] body) {
        long t = clock.instant().getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(t, body));
    }

    /** @throws PaymentException FORGED when the header is missing, malformed, stale or matches no signature */
    void verify(String header, byte[] body) throws PaymentException {
        if (header == null || header.isBlank()) {
            throw forged("no " + HEADER + " header");
        }
        Long t = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part.strip() : part.substring(0, eq).strip();
            String value = eq < 0 ? "" : part.substring(eq + 1).strip();
            try {
                if ("t".equals(name)) {
                    t = Long.parseLong(value);
                } else if ("v1".equals(name)) {
                    signatures.add(HexFormat.of().parseHex(value));
                }
            } catch (IllegalArgumentException e) {
                throw forged("a malformed " + HEADER + " header");
            }
        }
        if (t == null || signatures.isEmpty()) {
            throw forged("a " + HEADER + " header without a timestamp or a v1 signature");
        }
        long age = clock.instant().getEpochSecond() - t;
        if (Math.abs(age) > TOLERANCE.toSeconds()) {
            throw forged("a timestamp " + age + " s away from now, outside the tolerance");
        }
        byte[] expected = mac(t, body);
        boolean match = false;
        for (byte[] signature : signatures) {
            match |= MessageDigest.isEqual(expected, signature);
        }
        if (!match) {
            throw forged("no signature matching the body");
        }
    }

    private byte[] mac(long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static PaymentException forged(String what) {
        return new PaymentException(PaymentException.Kind.FORGED, "Refused a sandbox webhook with " + what + ".");
    }
}
