package io.portico.settings.internal;

import io.portico.api.secrets.SecretBox;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Settings &gt; NetSuite's fields as the admin entered them (page or JSON API), named as the properties of
 * {@code etc/io.portico.netsuite.cfg}. A secret is what was typed, a value sealed earlier that the page carried
 * ({@code ENC(...)}, after a Test), or empty to keep the saved one. Public, so that the page's template can read it.
 */
public record NetSuiteSettingsForm(String accountId, String baseUrl, String authMethod, String consumerKey,
        String consumerSecret, String tokenId, String tokenSecret, String clientId, String certificateId,
        String privateKey, String algorithm, String scopes, String timeZone, String dateFormat,
        String concurrencyLimit) {

    static final String DEFAULT_TIME_ZONE = "America/Los_Angeles";
    static final String DEFAULT_DATE_FORMAT = "M/d/yyyy";
    static final int DEFAULT_CONCURRENCY = 5;
    static final int MAX_TEXT = 200;
    static final int MAX_PRIVATE_KEY = 16_000;

    /** A new connection's form: TBA, NetSuite's default formats, the smallest tier's concurrency. */
    static final NetSuiteSettingsForm EMPTY = new NetSuiteSettingsForm("", "", "tba", "", "", "", "", "", "", "",
            "PS256", "rest_webservices", DEFAULT_TIME_ZONE, DEFAULT_DATE_FORMAT, String.valueOf(DEFAULT_CONCURRENCY));

    /** The saved connection's fields, its secrets left empty (they are never shown again). */
    static NetSuiteSettingsForm of(NetSuiteSettingsRow row) {
        if (row == null) {
            return EMPTY;
        }
        return new NetSuiteSettingsForm(row.accountId(), text(row.baseUrl()), row.authMethod(),
                text(row.consumerKey()), "", text(row.tokenId()), "", text(row.clientId()), text(row.certificateId()),
                "", row.algorithm(), row.scopes(), row.timeZone(), row.dateFormat(),
                String.valueOf(row.concurrencyLimit()));
    }

    /**
     * The fields of a form post: each secret is the one typed, else the sealed one the page carried in
     * {@code sealed.<name>}.
     */
    static NetSuiteSettingsForm of(Function<String, String> field) {
        return new NetSuiteSettingsForm(field.apply("accountId"), field.apply("baseUrl"), field.apply("authMethod"),
                field.apply("consumerKey"), secret(field, "consumerSecret"), field.apply("tokenId"),
                secret(field, "tokenSecret"), field.apply("clientId"), field.apply("certificateId"),
                secret(field, "privateKey"), field.apply("algorithm"), field.apply("scopes"),
                field.apply("timeZone"), field.apply("dateFormat"), field.apply("concurrencyLimit"));
    }

    private static String secret(Function<String, String> field, String name) {
        String typed = field.apply(name);
        if (typed != null && !typed.isBlank()) {
            return typed;
        }
        String carried = field.apply("sealed." + name);
        return SecretBox.isSealed(carried) ? carried : "";
    }

    /** The checked auth method, {@code tba} or {@code m2m}. */
    String checkedAuthMethod() {
        String method = authMethod == null ? "" : authMethod.strip().toLowerCase(Locale.ROOT);
        if (!method.equals("tba") && !method.equals("m2m")) {
            throw new InvalidSettingException("authMethod", "Choose token-based authentication (TBA) or OAuth 2.0 "
                    + "machine to machine (M2M).");
        }
        return method;
    }

    /** The checked concurrency limit: what this server runs against the account at once. */
    int checkedConcurrencyLimit() {
        String value = concurrencyLimit == null || concurrencyLimit.isBlank() ? String.valueOf(DEFAULT_CONCURRENCY)
                : concurrencyLimit.strip();
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= 1000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Reported below like a number out of range.
        }
        throw new InvalidSettingException("concurrencyLimit", "The concurrency limit must be a whole number from 1 "
                + "to 1000, like 5 (NetSuite's smallest service tier).");
    }

    /** The field's value trimmed, or {@code null} when empty; too long or several lines is a 400 naming it. */
    static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_TEXT || stripped.contains("\n") || stripped.contains("\r")) {
            throw new InvalidSettingException(name, "This field must be one line of at most " + MAX_TEXT
                    + " characters.");
        }
        return stripped;
    }

    /** The secrets and whether each was entered (typed or carried): what a save or a test replaces. */
    Map<String, String> secrets() {
        return Map.of("consumerSecret", nonNull(consumerSecret), "tokenSecret", nonNull(tokenSecret), "privateKey",
                nonNull(privateKey));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
