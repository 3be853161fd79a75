package io.portico.api.identity;

import io.portico.api.web.ProblemException;

/** Thrown where a signed-in user is needed and the request has none; answered with 401. */
public class NotSignedInException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public NotSignedInException() {
        super(401, "Unauthorized", "Sign in first.");
    }
}
