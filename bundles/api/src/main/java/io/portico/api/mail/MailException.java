package io.portico.api.mail;

/** The mail could not be sent (SMTP server unreachable or refusing); the message says why, without secrets. */
public class MailException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
