package io.portico.settings.internal;

/** Settings &gt; NetSuite's saved row; the three secrets are sealed ({@code ENC(...)}) or null. */
public record NetSuiteSettingsRow(String accountId, String baseUrl, String authMethod, String consumerKey,
        String consumerSecret, String tokenId, String tokenSecret, String clientId, String certificateId,
        String privateKey, String algorithm, String scopes, String timeZone, String dateFormat,
        int concurrencyLimit) {
}
