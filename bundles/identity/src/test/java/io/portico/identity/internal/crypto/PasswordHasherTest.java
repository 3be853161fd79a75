package io.portico.identity.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesAreArgon2idPhcStringsThatVerify() {
        String hash = hasher.hash("correct horse battery");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.verify(hash, "correct horse battery"));
        assertFalse(hasher.verify(hash, "correct horse batterY"));
        assertNotEquals(hash, hasher.hash("correct horse battery"), "salted");
    }

    @Test
    void malformedOrMissingHashesNeverVerify() {
        assertFalse(hasher.verify(null, "x"));
        assertFalse(hasher.verify("$2a$10$bcrypt", "x"));
        assertFalse(hasher.verify("", ""));
    }

    @Test
    void weakerParametersAskForARehash() {
        String weak = new PasswordHasher(8192, 1, 1).hash("correct horse battery");
        assertTrue(hasher.verify(weak, "correct horse battery"), "old hashes keep working");
        assertTrue(hasher.needsRehash(weak));
        assertFalse(hasher.needsRehash(hasher.hash("x")));
    }
}
