package io.portico.identity.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B, SHA-1 secret "12345678901234567890", 8 digits cut to our 6. */
    @Test
    void matchesTheRfcTestVectors() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertEquals("287082", Totp.code(key, Totp.step(Instant.ofEpochSecond(59))));
        assertEquals("081804", Totp.code(key, Totp.step(Instant.ofEpochSecond(1111111109))));
        assertEquals("005924", Totp.code(key, Totp.step(Instant.ofEpochSecond(1234567890))));
        assertEquals("279037", Totp.code(key, Totp.step(Instant.ofEpochSecond(2000000000))));
    }

    @Test
    void acceptsOneStepOfDriftAndNeverTheSameStepTwice() {
        String secret = Totp.newSecret();
        byte[] key = Base32.decode(secret);
        Instant now = Instant.parse("2026-01-01T12:00:10Z");
        long step = Totp.step(now);
        assertEquals(step, Totp.verify(secret, Totp.code(key, step), now, Long.MIN_VALUE).getAsLong());
        assertEquals(step - 1, Totp.verify(secret, Totp.code(key, step - 1), now, Long.MIN_VALUE).getAsLong());
        assertTrue(Totp.verify(secret, Totp.code(key, step - 2), now, Long.MIN_VALUE).isEmpty(), "too old");
        assertTrue(Totp.verify(secret, Totp.code(key, step), now, step).isEmpty(), "replayed");
        assertTrue(Totp.verify(secret, "12345", now, Long.MIN_VALUE).isEmpty());
        assertTrue(Totp.verify(secret, null, now, Long.MIN_VALUE).isEmpty());
        String spaced = Totp.code(key, step).substring(0, 3) + " " + Totp.code(key, step).substring(3);
        assertTrue(Totp.verify(secret, spaced, now, Long.MIN_VALUE).isPresent());
    }

    @Test
    void base32RoundTripsAndTheUriNamesIssuerAndAccount() {
        byte[] data = {0, 1, 2, (byte) 0xff, 42, 7, 99, 100, 101, 102};
        assertEquals(java.util.Arrays.toString(data), java.util.Arrays.toString(Base32.decode(Base32.encode(data))));
        assertEquals(32, Totp.newSecret().length());
        assertEquals("otpauth://totp/Acme%20Portal:ann%40acme.example?secret=ABC&issuer=Acme%20Portal"
                + "&algorithm=SHA1&digits=6&period=30", Totp.uri("Acme Portal", "ann@acme.example", "ABC"));
    }
}
