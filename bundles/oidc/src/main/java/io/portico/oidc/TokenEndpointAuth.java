package io.portico.oidc;

/** How the client authenticates to the token endpoint with its secret. */
public enum TokenEndpointAuth {
    /** {@code client_secret_basic} when the issuer offers it (or says nothing), else {@code client_secret_post}. */
    AUTO,
    /** HTTP Basic authentication ({@code client_secret_basic}). */
    CLIENT_SECRET_BASIC,
    /** The secret in the form body ({@code client_secret_post}). */
    CLIENT_SECRET_POST
}
