package io.portico.netsuite;

/**
 * A call NetSuite refused or that could not be completed. For an HTTP error it carries what NetSuite said: the
 * status, the first {@code o:errorDetails} entry's {@code o:errorCode}, {@code detail} and {@code o:errorPath}.
 * When no HTTP answer arrived (connection refused, timeout, interrupted) {@link #status()} is 0.
 */
public class NetSuiteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;
    private final String detail;
    private final String errorPath;

    /**
     * @param request what was called, e.g. {@code GET /services/rest/record/v1/invoice/42}, for the message
     * @param status the HTTP status, or 0 when there was no HTTP answer
     * @param errorCode NetSuite's {@code o:errorCode}, or null
     * @param detail NetSuite's {@code detail} or another human explanation
     * @param errorPath NetSuite's {@code o:errorPath} (a JSON path into the request body), or null
     */
    public NetSuiteException(String request, int status, String errorCode, String detail, String errorPath,
                             Throwable cause) {
        super(message(request, status, errorCode, detail, errorPath), cause);
        this.status = status;
        this.errorCode = errorCode;
        this.detail = detail;
        this.errorPath = errorPath;
    }

    /** The HTTP status, or 0 when no HTTP answer arrived. */
    public int status() {
        return status;
    }

    /** NetSuite's {@code o:errorCode}, e.g. {@code INVALID_LOGIN}; null when NetSuite gave none. */
    public String errorCode() {
        return errorCode;
    }

    /** NetSuite's human explanation, or the client's when there was no HTTP answer. */
    public String detail() {
        return detail;
    }

    /** NetSuite's {@code o:errorPath} into the request body, e.g. {@code item.items[0].item}; null when absent. */
    public String errorPath() {
        return errorPath;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    private static String message(String request, int status, String errorCode, String detail, String errorPath) {
        StringBuilder message = new StringBuilder(request).append(" failed: ");
        message.append(status == 0 ? "no HTTP response" : "HTTP " + status);
        if (errorCode != null) {
            message.append(' ').append(errorCode);
        }
        if (detail != null && !detail.isBlank()) {
            message.append(": ").append(detail);
        }
        if (errorPath != null) {
            message.append(" (at ").append(errorPath).append(')');
        }
        return message.toString();
    }
}
