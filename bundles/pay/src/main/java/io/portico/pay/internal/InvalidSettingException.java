package io.portico.pay.internal;

import io.portico.api.web.ProblemException;

/** A 400 for one field of Settings &gt; Pay, which the page shows next to that field. */
final class InvalidSettingException extends ProblemException {

    private static final long serialVersionUID = 1L;

    private final String field;

    InvalidSettingException(String field, String detail) {
        super(400, "Bad Request", detail);
        this.field = field;
    }

    /** The form field's name. */
    String field() {
        return field;
    }
}
