package io.portico.netsuite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A NetSuite account's connection as an operator admin enters it in Settings &gt; NetSuite: the properties of
 * {@code etc/io.portico.netsuite.cfg} that name the account and its credentials. Secrets are sealed
 * ({@code ENC(...)}, see {@code SecretBox}) or plain; {@link #toString()} leaves them out.
 *
 * @param accountId e.g. {@code 123456} or {@code 123456_SB1}
 * @param baseUrl overrides NetSuite's hosts (a proxy, the local sandbox); empty for NetSuite's own
 * @param authMethod {@code tba} or {@code m2m}
 * @param algorithm the M2M JWT algorithm, {@code PS256} or {@code ES256}
 * @param scopes the M2M scopes, comma-separated
 * @param timeZone the account's time zone (IANA id)
 * @param dateFormat the account's date format as a Java date pattern
 * @since 1.4
 */
public record NetSuiteConnection(String accountId, String baseUrl, AuthMethod authMethod, String consumerKey,
        String consumerSecret, String tokenId, String tokenSecret, String clientId, String certificateId,
        String privateKey, String algorithm, String scopes, String timeZone, String dateFormat,
        int concurrencyLimit) {

    /** The names of the properties that hold secrets. */
    public static final List<String> SECRETS = List.of("consumerSecret", "tokenSecret",
            "privateKey");

    /** The connection as configuration properties, named as in {@code etc/io.portico.netsuite.cfg}. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("accountId", accountId);
        properties.put("baseUrl", baseUrl);
        properties.put("authMethod", authMethod == null ? null : authMethod.name().toLowerCase(Locale.ROOT));
        properties.put("consumerKey", consumerKey);
        properties.put("consumerSecret", consumerSecret);
        properties.put("tokenId", tokenId);
        properties.put("tokenSecret", tokenSecret);
        properties.put("clientId", clientId);
        properties.put("certificateId", certificateId);
        properties.put("privateKey", privateKey);
        properties.put("algorithm", algorithm);
        properties.put("scopes", scopes);
        properties.put("timeZone", timeZone);
        properties.put("dateFormat", dateFormat);
        properties.put("concurrencyLimit", concurrencyLimit);
        properties.values().removeIf(value -> value == null || value instanceof String s && s.isBlank());
        return properties;
    }

    @Override
    public String toString() {
        Map<String, Object> shown = properties();
        SECRETS.forEach(secret -> shown.computeIfPresent(secret, (name, value) -> "(set)"));
        return "NetSuiteConnection" + shown;
    }
}
