package io.portico.netsuite.internal.config;

import io.portico.api.secrets.SecretBox;
import java.util.HashMap;
import java.util.Map;

/** Builds {@link NetSuiteConfig} instances the way DS does: configured values, else the annotation defaults. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** @param properties alternating property names and values */
    public static NetSuiteConfig config(Object... properties) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            values.put((String) properties[i], properties[i + 1]);
        }
        return NetSuiteConfigs.of(values);
    }

    /** A SecretBox that opens {@code ENC(x)} by taking out {@code x}. */
    public static SecretBox plainSecretBox() {
        return new SecretBox() {
            @Override
            public String seal(String plaintext) {
                return "ENC(" + plaintext + ")";
            }

            @Override
            public String reveal(String configuredValue) {
                return SecretBox.isSealed(configuredValue)
                        ? configuredValue.substring(4, configuredValue.length() - 1) : configuredValue;
            }
        };
    }
}
