package io.portico.oidc.internal.flow;

import java.util.regex.Pattern;

/** Where to go after signing in: only a path on this server, so the sign-in cannot be used as an open redirect. */
final class ReturnTo {

    static final String HOME = "/";
    private static final int MAX_LENGTH = 2000;
    /** A single leading slash, then no backslash, no second slash at the start, no control characters. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\\\\\p{Cntrl}]*");

    private ReturnTo() {
    }

    static String sanitize(String requested) {
        if (requested == null || requested.length() > MAX_LENGTH || !LOCAL_PATH.matcher(requested).matches()) {
            return HOME;
        }
        return requested;
    }
}
