package io.portico.settings.internal;

import io.portico.api.web.Branding;
import io.portico.api.web.ColourContrast;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Settings &gt; Branding's text fields as the admin entered them (page or JSON API), checked field by field. Public,
 * so that the page's template can read its fields.
 */
public record BrandingForm(String name, String colour, String supportEmail, String supportPhone, String footer) {

    static final int MAX_NAME = 80;
    static final int MAX_FOOTER = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().\\-/]{3,30}( ?(ext\\.?|x) ?[0-9]{1,6})?");

    static BrandingForm of(Branding branding) {
        return new BrandingForm(branding.name(), branding.colour(), text(branding.supportEmail()),
                text(branding.supportPhone()), text(branding.footer()));
    }

    /**
     * The saved form: trimmed, the colour in lower case, empty optional fields as {@code null}.
     *
     * @throws InvalidSettingException naming the first field that is not valid
     */
    BrandingForm checked() {
        String checkedName = optional(name);
        if (checkedName == null) {
            throw new InvalidSettingException("name", "Enter the portal's name.");
        }
        if (checkedName.length() > MAX_NAME || checkedName.contains("\n") || checkedName.contains("\r")) {
            throw new InvalidSettingException("name", "The portal's name must be one line of at most " + MAX_NAME
                    + " characters.");
        }
        String checkedColour = colour == null ? "" : colour.strip().toLowerCase(Locale.ROOT);
        if (!ColourContrast.isColour(checkedColour)) {
            throw new InvalidSettingException("colour", "The primary colour must be a colour as #rrggbb, like "
                    + "#1f4e79.");
        }
        String email = optional(supportEmail);
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw new InvalidSettingException("supportEmail", "The support email must be an email address, like "
                    + "help@example.com, or empty.");
        }
        String phone = optional(supportPhone);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new InvalidSettingException("supportPhone", "The support phone must be a phone number, like "
                    + "+1 555 010 0199, or empty.");
        }
        String checkedFooter = optional(footer);
        if (checkedFooter != null && (checkedFooter.length() > MAX_FOOTER || checkedFooter.contains("\n")
                || checkedFooter.contains("\r"))) {
            throw new InvalidSettingException("footer", "The footer must be one line of at most " + MAX_FOOTER
                    + " characters.");
        }
        return new BrandingForm(checkedName, checkedColour, email, phone, checkedFooter);
    }

    /** White text's contrast on the colour, when it is below WCAG AA; {@code null} when white reads or no colour. */
    String lowContrastWarning() {
        String c = colour == null ? "" : colour.strip().toLowerCase(Locale.ROOT);
        if (!ColourContrast.isColour(c) || ColourContrast.ratio(ColourContrast.WHITE, c) >= ColourContrast.AA) {
            return null;
        }
        return String.format(Locale.ROOT, "White text on %s has a contrast of %.1f:1, below the 4.5:1 that WCAG AA "
                + "asks for, so text on it (the top bar, primary buttons) is shown in near-black (%.1f:1) instead; "
                + "links use a darker shade of it.", c, ColourContrast.ratio(ColourContrast.WHITE, c),
                ColourContrast.ratio(ColourContrast.DARK_TEXT, c));
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
