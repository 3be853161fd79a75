package io.portico.mail.internal;

import io.portico.api.mail.Email;
import io.portico.api.mail.Mailer;
import io.portico.api.secrets.SecretBox;
import io.portico.api.web.BrandingSource;
import io.portico.api.web.Pages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@link Mailer} service: renders an email's text and HTML templates with the platform's page renderer, wraps the
 * HTML in the branded email layout, and sends both over SMTP. The layout shows the logo uploaded in Settings &gt;
 * Branding as an inline image ({@code cid:}) when it is a PNG or JPEG; mail clients do not show SVG, so an SVG logo
 * leaves the portal's name in its place.
 */
@Component(service = Mailer.class, configurationPid = "io.portico.mail")
@Designate(ocd = MailConfig.class)
public class MailComponent implements Mailer {

    static final String LAYOUT = "email-layout.ftlh";
    static final String LOGO_CONTENT_ID = "logo@portico";
    private static final Map<String, String> RASTER = Map.of("image/png", "logo.png", "image/jpeg", "logo.jpg");

    /** Settings &gt; Branding's uploaded logo, while the settings bundle runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile BrandingSource brandingSource;

    private final Pages pages;
    private final SmtpSender sender;
    private final String fromName;

    @Activate
    public MailComponent(MailConfig config, @Reference Pages pages, @Reference SecretBox secrets) {
        this(pages, new SmtpSettings(config.host(), config.port(), config.security(), config.username(),
                secrets.reveal(config.password()), config.from(), config.fromName(), config.timeoutMillis()));
    }

    MailComponent(Pages pages, SmtpSettings settings) {
        this.pages = pages;
        this.sender = new SmtpSender(settings);
        this.fromName = settings.fromName();
    }

    @Override
    public void send(Email email) {
        String text = pages.fragment(email.templateOwner(), email.template() + ".txt.ftl", email.model());
        String body = pages.fragment(email.templateOwner(), email.template() + ".html.ftlh", email.model());
        Map<String, Object> layout = new HashMap<>(email.model());
        layout.put("subject", email.subject());
        layout.put("content", body);
        List<SmtpSender.InlineImage> images = logo().map(List::of).orElse(List.of());
        if (!images.isEmpty()) {
            layout.put("logoCid", LOGO_CONTENT_ID);
        }
        String html = pages.fragment(MailComponent.class, LAYOUT, layout);
        String name = fromName == null || fromName.isBlank() ? pages.branding().name() : fromName;
        sender.send(email.to(), name, email.subject(), text, html, images);
    }

    private Optional<SmtpSender.InlineImage> logo() {
        BrandingSource source = brandingSource;
        return (source == null ? Optional.<BrandingSource.Image>empty() : source.logo())
                .filter(image -> RASTER.containsKey(image.contentType()))
                .map(image -> new SmtpSender.InlineImage(LOGO_CONTENT_ID, image.contentType(),
                        RASTER.get(image.contentType()), image.bytes()));
    }
}
