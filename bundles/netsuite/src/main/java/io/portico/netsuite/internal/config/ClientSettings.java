package io.portico.netsuite.internal.config;

import io.portico.api.secrets.SecretBox;
import io.portico.netsuite.AccountFormat;
import io.portico.netsuite.AuthMethod;
import io.portico.netsuite.internal.auth.JwsAlgorithm;
import io.portico.netsuite.internal.auth.PemPrivateKeys;
import io.portico.netsuite.internal.http.RetryPolicy;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A validated account configuration with its secrets revealed. {@link #toString()} leaves the secrets out.
 *
 * @param tba the TBA credentials when {@code authMethod} is TBA, else null
 * @param m2m the M2M credentials when {@code authMethod} is M2M, else null
 * @param restletBaseUri where RESTlet calls go: the account's RESTlet host, or {@code baseUri} when a base URL is
 *         configured (a proxy or the sandbox serves both)
 */
public record ClientSettings(AccountId account, URI baseUri, URI restletBaseUri, AuthMethod authMethod, TbaCredentials tba,
                             M2mCredentials m2m, int concurrencyLimit, RetryPolicy retryPolicy, AccountFormat format,
                             Duration connectTimeout, Duration requestTimeout) {

    /**
     * @throws IllegalArgumentException naming the first property that is missing or invalid
     */
    public static ClientSettings from(NetSuiteConfig config, SecretBox secrets) {
        AccountId account = AccountId.parse(config.accountId());
        AuthMethod authMethod = authMethod(config.authMethod());
        URI configuredBase = baseUri(config.baseUrl());
        return new ClientSettings(
                account,
                configuredBase != null ? configuredBase : account.suiteTalkUri(),
                configuredBase != null ? configuredBase : account.restletUri(),
                authMethod,
                authMethod == AuthMethod.TBA ? tba(config, secrets) : null,
                authMethod == AuthMethod.M2M ? m2m(config, secrets) : null,
                Required.atLeast(config.concurrencyLimit(), 1, "concurrencyLimit"),
                new RetryPolicy(Required.atLeast(config.maxRetries(), 0, "maxRetries"),
                        Duration.ofMillis(Required.atLeast(config.retryBaseDelayMillis(), 1, "retryBaseDelayMillis")),
                        Duration.ofMillis(Required.atLeast(config.retryMaxDelayMillis(),
                                config.retryBaseDelayMillis(), "retryMaxDelayMillis"))),
                format(config),
                Duration.ofSeconds(Required.atLeast(config.connectTimeoutSeconds(), 1, "connectTimeoutSeconds")),
                Duration.ofSeconds(Required.atLeast(config.requestTimeoutSeconds(), 1, "requestTimeoutSeconds")));
    }

    private static AuthMethod authMethod(String configured) {
        try {
            return AuthMethod.valueOf(configured.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("authMethod '" + configured + "' is neither tba nor m2m", e);
        }
    }

    /** The configured base URL, or null when none is configured. */
    private static URI baseUri(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        String trimmed = configured.trim().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseUrl '" + configured + "' is not a URL", e);
        }
        if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new IllegalArgumentException("baseUrl '" + configured + "' is not an http(s) URL");
        }
        return uri;
    }

    private static TbaCredentials tba(NetSuiteConfig config, SecretBox secrets) {
        return new TbaCredentials(config.consumerKey().trim(), reveal(secrets, config.consumerSecret(), "consumerSecret"),
                config.tokenId().trim(), reveal(secrets, config.tokenSecret(), "tokenSecret"));
    }

    private static M2mCredentials m2m(NetSuiteConfig config, SecretBox secrets) {
        JwsAlgorithm algorithm = JwsAlgorithm.parse(config.algorithm());
        String pem = Required.text(reveal(secrets, config.privateKey(), "privateKey"), "privateKey");
        List<String> scopes = Arrays.stream(config.scopes().split(","))
                .map(String::trim)
                .filter(scope -> !scope.isEmpty())
                .toList();
        return new M2mCredentials(config.clientId().trim(), config.certificateId().trim(),
                PemPrivateKeys.parse(pem, algorithm), algorithm, scopes);
    }

    /** A sealed value is decrypted; an empty one stays empty, and the credentials' checks report it. */
    private static String reveal(SecretBox secrets, String configured, String property) {
        if (configured == null || configured.isBlank()) {
            return "";
        }
        try {
            return secrets.reveal(configured.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " was sealed under another key or altered; enter it again",
                    e);
        }
    }

    private static AccountFormat format(NetSuiteConfig config) {
        ZoneId zone;
        try {
            zone = ZoneId.of(config.timeZone().trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone '" + config.timeZone() + "' is not a time zone id", e);
        }
        try {
            return AccountFormat.of(config.dateFormat(), zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dateFormat '" + config.dateFormat() + "' is not a date pattern", e);
        }
    }
}
