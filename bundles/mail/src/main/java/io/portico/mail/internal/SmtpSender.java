package io.portico.mail.internal;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import io.portico.api.mail.MailException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

/**
 * Sends one multipart/alternative message over SMTP: the plain text, and the HTML with the images it shows inline
 * ({@code cid:} addresses) beside it in a multipart/related part, so that mail clients show them without fetching
 * anything.
 */
final class SmtpSender {

    private final SmtpSettings settings;

    SmtpSender(SmtpSettings settings) {
        this.settings = settings;
    }

    /** An image the HTML shows as {@code cid:<contentId>}. */
    record InlineImage(String contentId, String contentType, String filename, byte[] bytes) {
    }

    /**
     * @param images the images the HTML shows inline; none: the HTML part stands alone
     * @throws IllegalArgumentException when {@code to} is not an address
     * @throws MailException when the server cannot be reached or refuses the message
     */
    void send(String to, String senderName, String subject, String text, String html, List<InlineImage> images) {
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
            alternative.addBodyPart(images.isEmpty() ? part(html, "html") : related(html, images));
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

    private static MimeBodyPart related(String html, List<InlineImage> images) throws MessagingException {
        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(part(html, "html"));
        for (InlineImage image : images) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(image.bytes(), image.contentType())));
            part.setContentID("<" + image.contentId() + ">");
            part.setDisposition(Part.INLINE);
            part.setFileName(image.filename());
            related.addBodyPart(part);
        }
        MimeBodyPart wrapper = new MimeBodyPart();
        wrapper.setContent(related);
        return wrapper;
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
