package io.portico.identity.internal.mail;

import io.portico.api.mail.Email;
import io.portico.api.mail.MailException;
import io.portico.api.mail.Mailer;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.config.IdentitySettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The emails the identity bundle sends; the templates are next to this class. */
@Component(service = IdentityMail.class)
public final class IdentityMail {

    private final Mailer mailer;
    private final IdentitySettings settings;

    @Activate
    public IdentityMail(@Reference Mailer mailer, @Reference IdentitySettings settings) {
        this.mailer = mailer;
        this.settings = settings;
    }

    public void verification(String to, String name, String token) {
        send(to, "Confirm your email address", "verify-email", Map.of("name", name,
                "link", link("/verify-email", token), "hours", settings.verificationValidity().toHours()));
    }

    /** The link that lets a new person finish registering: confirm the address, then choose a password. */
    public void registration(String to, String token) {
        send(to, "Finish registering", "registration", Map.of("link", link("/verify-email", token),
                "hours", settings.verificationValidity().toHours()));
    }

    public void passwordReset(String to, String name, String token) {
        send(to, "Reset your password", "reset-password", Map.of("name", name,
                "link", link("/reset-password", token), "minutes", settings.resetValidity().toMinutes()));
    }

    /** Sent before the invitation is committed, so a failure says that nothing was created. */
    public void invitation(String to, String inviter, String organization, String role, String token,
            Duration validity) {
        send(to, "You are invited to " + organization, "invitation", Map.of("inviter", inviter,
                "organization", organization, "role", role, "link", link("/invitations/accept", token),
                "days", validity.toDays()), "We could not send the invitation email just now, so no invitation was "
                        + "created; please try again in a few minutes.");
    }

    /** Someone registered with an address that has an account already: tell its owner, not the registrant. */
    public void accountExists(String to) {
        send(to, "You already have an account", "account-exists",
                Map.of("signIn", settings.link("/sign-in"), "reset", settings.link("/forgot-password")));
    }

    /** A registration whose domain matches no organization (told by email, so the page reveals nothing). */
    public void noOrganization(String to, String domain) {
        send(to, "We could not find your organization", "no-organization", Map.of("domain", domain));
    }

    private String link(String path, String token) {
        return settings.link(path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private void send(String to, String subject, String template, Map<String, ?> model) {
        send(to, subject, template, model, "We could not send the email just now; please try again in a few minutes.");
    }

    /** @param unavailable what the 503 says when the mail server cannot take the email */
    private void send(String to, String subject, String template, Map<String, ?> model, String unavailable) {
        try {
            mailer.send(new Email(to, subject, IdentityMail.class, template, model));
        } catch (MailException e) {
            throw ProblemException.unavailable(unavailable);
        }
    }
}
