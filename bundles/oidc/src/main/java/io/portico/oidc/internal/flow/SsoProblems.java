package io.portico.oidc.internal.flow;

import io.portico.api.sso.SsoException;
import io.portico.api.web.ProblemException;

/** How a failed sign-in reads to the person: an HTTP status and a title per reason, the exception's message as detail. */
final class SsoProblems {

    private SsoProblems() {
    }

    static ProblemException of(SsoException e) {
        return switch (e.reason()) {
            case PROVIDER_ERROR -> new ProblemException(400, "The identity provider did not sign you in",
                    e.getMessage());
            case PROVIDER_UNAVAILABLE -> new ProblemException(502, "The identity provider cannot be reached",
                    e.getMessage());
            case INVALID_STATE -> new ProblemException(400, "This sign-in is no longer valid", e.getMessage());
            case INVALID_TOKEN, BAD_SIGNATURE, WRONG_ISSUER, WRONG_AUDIENCE, WRONG_NONCE, EXPIRED ->
                    new ProblemException(400, "The identity provider's answer did not check out", e.getMessage());
            case TENANT_NOT_ALLOWED -> new ProblemException(403, "Your organization may not sign in here",
                    e.getMessage());
            case EMAIL_NOT_VERIFIED -> new ProblemException(403, "Your email address is not verified",
                    e.getMessage());
            case NOT_LINKED -> new ProblemException(403, "No account for this email address", e.getMessage());
        };
    }
}
