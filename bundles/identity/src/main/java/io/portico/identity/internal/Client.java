package io.portico.identity.internal;

/**
 * Where a request comes from: recorded with sessions and in the audit log, and used to throttle sign-ins.
 *
 * @param ip the client's address as the server sees it, or {@code null} (console, background work)
 * @param userAgent the {@code User-Agent} header, cut to 300 characters, or {@code null}
 * @param secure whether the request came over TLS
 */
public record Client(String ip, String userAgent, boolean secure) {

    private static final int MAX_USER_AGENT = 300;

    public Client {
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
    }

    /** No request: the console or background work. */
    public static Client none() {
        return new Client(null, null, false);
    }
}
