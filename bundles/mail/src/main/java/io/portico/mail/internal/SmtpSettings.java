package io.portico.mail.internal;

import java.util.Locale;
import java.util.Properties;

/**
 * Where and how to send: the Jakarta Mail session properties for one SMTP server.
 *
 * @param security {@code none}, {@code starttls} or {@code tls}
 * @param username empty for no authentication
 * @param password the revealed password
 */
record SmtpSettings(String host, int port, String security, String username, String password, String from,
        String fromName, int timeoutMillis) {

    SmtpSettings {
        security = security == null ? "none" : security.strip().toLowerCase(Locale.ROOT);
        if (!security.matches("none|starttls|tls")) {
            throw new IllegalArgumentException("mail security must be none, starttls or tls, not " + security);
        }
        if (host == null || host.isBlank() || port <= 0 || port > 65535) {
            throw new IllegalArgumentException("mail host and port are required");
        }
    }

    boolean authenticates() {
        return username != null && !username.isBlank();
    }

    Properties sessionProperties() {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", String.valueOf(port));
        p.setProperty("mail.smtp.auth", String.valueOf(authenticates()));
        p.setProperty("mail.smtp.connectiontimeout", String.valueOf(timeoutMillis));
        p.setProperty("mail.smtp.timeout", String.valueOf(timeoutMillis));
        p.setProperty("mail.smtp.writetimeout", String.valueOf(timeoutMillis));
        if ("starttls".equals(security)) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        } else if ("tls".equals(security)) {
            p.setProperty("mail.smtp.ssl.enable", "true");
        }
        if (!"none".equals(security)) {
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        return p;
    }
}
