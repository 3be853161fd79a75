package io.portico.netsuite.internal.config;

/** Checks of mandatory configuration values whose messages name the property, never its value. */
final class Required {

    private Required() {
    }

    static String text(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " is not configured");
        }
        return value;
    }

    static int atLeast(int value, int minimum, String property) {
        if (value < minimum) {
            throw new IllegalArgumentException(property + " must be at least " + minimum + ", not " + value);
        }
        return value;
    }
}
