package io.portico.identity.internal.web;

import io.portico.api.web.ProblemException;


/** Parsing of form and path values that are not plain text. */
final class Forms {

    private Forms() {
    }

    /** @throws io.portico.api.web.ProblemException 400 when the value is not a positive id */
    static long id(String value, String what) {
        try {
            long id = Long.parseLong(value == null ? "" : value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest("Choose a valid " + what + ".");
    }
}
