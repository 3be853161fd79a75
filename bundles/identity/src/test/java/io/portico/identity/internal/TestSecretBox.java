package io.portico.identity.internal;

import io.portico.api.secrets.SecretBox;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Seals reversibly without a key: enough to prove the identity bundle never stores a secret unsealed. */
public final class TestSecretBox implements SecretBox {

    @Override
    public String seal(String plaintext) {
        return "ENC(" + Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8)) + ")";
    }

    @Override
    public String reveal(String configuredValue) {
        if (!SecretBox.isSealed(configuredValue)) {
            return configuredValue;
        }
        return new String(Base64.getDecoder().decode(configuredValue.substring(4, configuredValue.length() - 1)),
                StandardCharsets.UTF_8);
    }
}
