package io.portico.plugins.attachments.internal;

/** NetSuite answered a request for attachments with an error, or with something that is not the expected answer. */
final class AttachmentSourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AttachmentSourceException(String message) {
        super(message);
    }

    AttachmentSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
