package io.portico.netsuite;

/**
 * A connection property that is missing or not valid. The message names the property, never a secret's value.
 *
 * @since 1.4
 */
public class InvalidConnectionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String property;

    public InvalidConnectionException(String property, String message) {
        super(message);
        this.property = property;
    }

    /** The property's name, as in {@code etc/io.portico.netsuite.cfg} and {@link NetSuiteConnection}. */
    public String property() {
        return property;
    }
}
