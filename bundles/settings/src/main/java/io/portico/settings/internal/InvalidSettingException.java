package io.portico.settings.internal;

import io.portico.api.web.ProblemException;

/** A 400 (or 413 for a file too large) for one field of a settings page, which the page shows next to that field. */
final class InvalidSettingException extends ProblemException {

    private static final long serialVersionUID = 1L;

    private final String field;

    InvalidSettingException(String field, String detail) {
        this(400, field, detail);
    }

    private InvalidSettingException(int status, String field, String detail) {
        super(status, status == 413 ? "Content Too Large" : "Bad Request", detail);
        this.field = field;
    }

    static InvalidSettingException tooLarge(String field, String detail) {
        return new InvalidSettingException(413, field, detail);
    }

    /** The same refusal for a field within {@code part} of a document, named {@code part.field}. */
    InvalidSettingException within(String part) {
        return new InvalidSettingException(status(), field.isEmpty() ? part : part + "." + field, detail());
    }

    /** The form field's name. */
    String field() {
        return field;
    }
}
