package io.portico.identity.internal.web;

import io.portico.identity.internal.Client;

/**
 * The client of the request this thread is serving. The SSO sign-in service is called from another bundle's
 * resource and is not handed the request, yet the session and the audit log need its address and TLS state.
 */
public final class CurrentClient {

    private static final ThreadLocal<Client> CURRENT = new ThreadLocal<>();

    private CurrentClient() {
    }

    static void set(Client client) {
        CURRENT.set(client);
    }

    static void clear() {
        CURRENT.remove();
    }

    /** The current request's client, or {@link Client#none()} outside a request. */
    public static Client get() {
        Client client = CURRENT.get();
        return client == null ? Client.none() : client;
    }
}
