package io.portico.identity.internal.web;

import io.portico.identity.internal.LocalPaths;
import io.portico.identity.internal.auth.Authentication;

/** Where the browser goes after a sign-in step. */
final class NextStep {

    private NextStep() {
    }

    static String path(Authentication.State state, String next) {
        return switch (state) {
            case MFA_PENDING -> "/sign-in/mfa";
            case CHOOSING_ORGANIZATION -> "/choose-organization";
            default -> LocalPaths.orRoot(next);
        };
    }
}
