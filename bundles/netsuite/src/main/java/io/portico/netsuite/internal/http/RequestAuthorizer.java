package io.portico.netsuite.internal.http;

import java.net.URI;

/** Produces the {@code Authorization} header of one request. */
public interface RequestAuthorizer {

    /** For endpoints that take no credentials, such as the OAuth 2.0 token endpoint. */
    RequestAuthorizer NONE = new RequestAuthorizer() {
        @Override
        public String authorization(String method, URI uri) {
            return null;
        }
    };

    /**
     * @param uri the full request URI, query included
     * @return the header value, or null for none
     */
    String authorization(String method, URI uri);

    /**
     * Called after a 401: forgets the credentials of that request if they were cached and may have gone stale.
     *
     * @param rejected the header value the 401 answered
     * @return whether sending the request again could succeed
     */
    default boolean discardCredentials(String rejected) {
        return false;
    }
}
