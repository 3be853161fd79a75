package io.portico.netsuite;

/** How the client authenticates to NetSuite. */
public enum AuthMethod {
    /** OAuth 1.0a token-based authentication (consumer key/secret + token id/secret), HMAC-SHA256. */
    TBA,
    /** OAuth 2.0 client credentials (machine to machine): a signed JWT assertion exchanged for a bearer token. */
    M2M
}
