package io.portico.api.mail;

import org.osgi.annotation.versioning.ProviderType;

/** Sends branded emails through the operator's SMTP server ({@code etc/io.portico.mail.cfg}). */
@ProviderType
public interface Mailer {

    /**
     * Renders and sends an email; returns once the SMTP server has accepted it.
     *
     * @throws IllegalArgumentException when the address is malformed or a template is missing or fails
     * @throws MailException when the SMTP server cannot be reached or refuses the message
     */
    void send(Email email);
}
