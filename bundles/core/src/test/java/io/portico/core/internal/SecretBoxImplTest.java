package io.portico.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.secrets.SecretBox;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretBoxImplTest {

    private final SecretBox box = new SecretBoxImpl(new SecretKeySpec(new byte[32], "AES"));

    @Test
    void sealedSecretsRoundTripAndNeverRepeat() {
        String a = box.seal("token-secret");
        String b = box.seal("token-secret");

        assertTrue(SecretBox.isSealed(a));
        assertNotEquals(a, b);
        assertEquals("token-secret", box.reveal(a));
        assertEquals("token-secret", box.reveal(b));
    }

    @Test
    void plainValuesPassThrough() {
        assertEquals("typed-by-hand", box.reveal("typed-by-hand"));
    }

    @Test
    void tamperedOrForeignCiphertextIsRejected() {
        String sealed = box.seal("secret");
        char flipped = sealed.charAt(10) == 'A' ? 'B' : 'A';
        String tampered = sealed.substring(0, 10) + flipped + sealed.substring(11);
        SecretBox other = new SecretBoxImpl(new SecretKeySpec(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, "AES"));

        assertThrows(IllegalArgumentException.class, () -> box.reveal(tampered));
        assertThrows(IllegalArgumentException.class, () -> other.reveal(sealed));
        assertThrows(IllegalArgumentException.class, () -> box.reveal("ENC(not base64!)"));
    }
}
