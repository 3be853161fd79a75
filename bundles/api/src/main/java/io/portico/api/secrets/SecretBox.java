package io.portico.api.secrets;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Encrypts secrets (NetSuite tokens, Stripe keys, SMTP passwords) for storage in configuration or the database,
 * with a key kept outside both. Sealed values look like {@code ENC(...)}.
 */
@ProviderType
public interface SecretBox {

    /** Encrypts a secret; every call gives a different ciphertext. */
    String seal(String plaintext);

    /**
     * The plaintext of a configured value: a sealed value is decrypted, anything else is returned unchanged so
     * that a secret typed into a .cfg by hand still works (and {@code portico:secret-seal} can replace it).
     *
     * @throws IllegalArgumentException when a sealed value was tampered with or sealed under another key
     */
    String reveal(String configuredValue);

    /** Whether a configured value is sealed. */
    static boolean isSealed(String value) {
        return value != null && value.startsWith("ENC(") && value.endsWith(")");
    }
}
