package io.portico.netsuite;

import java.net.URI;

/**
 * The account a client talks to, and the governance it is configured with. Holds no secrets.
 *
 * @param accountId the account id in realm form, e.g. {@code 123456} or {@code 123456_SB1}
 * @param baseUri where requests go, e.g. {@code https://123456-sb1.suitetalk.api.netsuite.com}
 * @param authMethod how requests are authenticated
 * @param concurrencyLimit requests this JVM runs against the account at the same time
 * @param maxRetries retries per call after a 429, a 5xx or an I/O error (idempotent calls only for the latter two)
 */
public record NetSuiteAccount(String accountId, URI baseUri, AuthMethod authMethod, int concurrencyLimit,
                              int maxRetries) {
}
