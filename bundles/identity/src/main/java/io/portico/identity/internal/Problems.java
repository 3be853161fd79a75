package io.portico.identity.internal;

import io.portico.api.web.ProblemException;

/** The identity bundle's errors: each says what went wrong in words a person can act on. */
public final class Problems {

    private Problems() {
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Unauthorized", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    /** A link that has expired, was used or was withdrawn. */
    public static ProblemException gone(String detail) {
        return new ProblemException(410, "Gone", detail);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "Content Too Large", detail);
    }

    public static ProblemException locked(String detail) {
        return new ProblemException(423, "Locked", detail);
    }

    public static ProblemException tooManyRequests(String detail) {
        return new ProblemException(429, "Too Many Requests", detail);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "Service Unavailable", detail);
    }
}
