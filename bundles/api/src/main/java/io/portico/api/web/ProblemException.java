package io.portico.api.web;

/**
 * Thrown by a resource to answer with an RFC 9457 problem-details body ({@code application/problem+json}).
 * The detail is shown to the caller, so it must not contain secrets or another tenant's data.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;

    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
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
