package io.portico.mail.internal;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import io.portico.api.mail.MailException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Sends one multipart/alternative (text and HTML) message over SMTP. */
final class SmtpSender {

    private final SmtpSettings settings;

    SmtpSender(SmtpSettings settings) {
        this.settings = settings;
    }

    /**
     * @throws IllegalArgumentException when {@code to} is not an address
     * @throws MailException when the server cannot be reached or refuses the message
     */
    void send(String to, String senderName, String subject, String text, String html) {
        InternetAddress recipient = address(to);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(MailProviders.INSTANCE);
        try {
            Session session = Session.getInstance(settings.sessionProperties());
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from(), senderName, StandardCharsets.UTF_8.name()));
            message.setRecipient(Message.RecipientType.TO, recipient);
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setHeader("Auto-Submitted", "auto-generated");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(part(text, "plain"));
            alternative.addBodyPart(part(html, "html"));
            message.setContent(alternative);
            message.saveChanges();
            if (settings.authenticates()) {
                Transport.send(message, settings.username(), settings.password());
            } else {
                Transport.send(message);
            }
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailException("Could not send mail through " + settings.host() + ":" + settings.port() + ": "
                    + rootMessage(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, StandardCharsets.UTF_8.name(), subtype);
        return part;
    }

    private static InternetAddress address(String to) {
        try {
            InternetAddress address = new InternetAddress(to, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not an email address: " + to);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
