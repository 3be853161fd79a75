package io.portico.netsuite.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The NetSuite account, configured through Config Admin (PID {@code io.portico.netsuite}). */
@ObjectClassDefinition(name = "Portico NetSuite account",
        description = "The NetSuite account Portico syncs with, its credentials and its governance.")
public @interface NetSuiteConfig {

    @AttributeDefinition(name = "Account ID",
            description = "Production 123456; sandbox 123456_SB1 or 123456-sb1 (both mean host 123456-sb1, realm "
                    + "123456_SB1).")
    String accountId();

    @AttributeDefinition(name = "Base URL", required = false,
            description = "Overrides https://<account>.suitetalk.api.netsuite.com and, for RESTlet calls, "
                    + "https://<account>.restlets.api.netsuite.com, e.g. http://localhost:8190 for the local sandbox.")
    String baseUrl() default "";

    @AttributeDefinition(name = "Authentication", options = {
            @Option(value = "tba", label = "OAuth 1.0a token-based authentication"),
            @Option(value = "m2m", label = "OAuth 2.0 client credentials (machine to machine)")})
    String authMethod() default "tba";

    @AttributeDefinition(name = "Consumer key (TBA)", required = false)
    String consumerKey() default "";

    @AttributeDefinition(name = "Consumer secret (TBA)", type = AttributeType.PASSWORD, required = false,
            description = "Plain or sealed as ENC(...).")
    String consumerSecret() default "";

    @AttributeDefinition(name = "Token ID (TBA)", required = false)
    String tokenId() default "";

    @AttributeDefinition(name = "Token secret (TBA)", type = AttributeType.PASSWORD, required = false,
            description = "Plain or sealed as ENC(...).")
    String tokenSecret() default "";

    @AttributeDefinition(name = "Client ID (M2M)", required = false,
            description = "The integration record's client id.")
    String clientId() default "";

    @AttributeDefinition(name = "Certificate ID (M2M)", required = false,
            description = "The certificate id from the M2M setup page; sent as the JWT kid.")
    String certificateId() default "";

    @AttributeDefinition(name = "Private key (M2M)", type = AttributeType.PASSWORD, required = false,
            description = "PKCS#8 PEM (BEGIN PRIVATE KEY) of the certificate, plain or sealed as ENC(...); line "
                    + "breaks may be written as \\n.")
    String privateKey() default "";

    @AttributeDefinition(name = "JWT algorithm (M2M)", options = {
            @Option(value = "PS256", label = "PS256 (RSA-PSS)"), @Option(value = "ES256", label = "ES256 (EC P-256)")})
    String algorithm() default "PS256";

    @AttributeDefinition(name = "Scopes (M2M)", description = "Comma-separated: rest_webservices, restlets, "
            + "suite_analytics.")
    String scopes() default "rest_webservices";

    @AttributeDefinition(name = "Concurrency limit", min = "1",
            description = "Requests this server runs against the account at once; NetSuite's smallest tier is 5.")
    int concurrencyLimit() default 5;

    @AttributeDefinition(name = "Max retries", min = "0",
            description = "Retries per call after a 429, or a 5xx / I/O error on an idempotent call.")
    int maxRetries() default 6;

    @AttributeDefinition(name = "First retry delay (ms)", min = "1",
            description = "Back-off ceiling of the first retry; it doubles per retry up to the maximum.")
    int retryBaseDelayMillis() default 200;

    @AttributeDefinition(name = "Maximum retry delay (ms)", min = "1")
    int retryMaxDelayMillis() default 20_000;

    @AttributeDefinition(name = "Date format",
            description = "The account's date format as a Java date pattern, e.g. M/d/yyyy, d/M/yyyy, d.M.yyyy, "
                    + "d-MMM-yyyy; SuiteQL writes dates in it.")
    String dateFormat() default "M/d/yyyy";

    @AttributeDefinition(name = "Time zone",
            description = "The account's time zone (IANA id); SuiteQL writes dates and times in it.")
    String timeZone() default "America/Los_Angeles";

    @AttributeDefinition(name = "Connect timeout (s)", min = "1")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Request timeout (s)", min = "1",
            description = "Until NetSuite starts answering; NetSuite itself gives up after 15 minutes.")
    int requestTimeoutSeconds() default 300;
}
