package io.portico.netsuite.internal.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * An OAuth 2.0 access token and when to replace it.
 *
 * @param refreshAt shortly before the token expires, so no request carries a token that dies on the way
 */
public record AccessToken(String value, Instant refreshAt) {

    private static final Duration MAX_MARGIN = Duration.ofMinutes(1);

    /** A token that lives {@code lifetime} from {@code issuedAt}; it is replaced a minute (or half its life) early. */
    public static AccessToken issued(String value, Instant issuedAt, Duration lifetime) {
        Duration margin = lifetime.dividedBy(2).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(2) : MAX_MARGIN;
        return new AccessToken(value, issuedAt.plus(lifetime).minus(margin));
    }

    boolean isFreshAt(Instant now) {
        return now.isBefore(refreshAt);
    }

    @Override
    public String toString() {
        return "AccessToken[refreshAt=" + refreshAt + ", value hidden]";
    }
}
