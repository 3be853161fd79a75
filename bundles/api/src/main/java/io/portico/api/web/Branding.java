package io.portico.api.web;

import java.util.Objects;

/**
 * How the portal presents itself: set by the operator's admins in Settings &gt; Branding (stored in PostgreSQL, the
 * same on every node), with {@code etc/io.portico.branding.cfg} as its initial value. Pages, emails and PDFs read it
 * from {@link Pages#branding()}; the logo's and favicon's bytes come from {@link BrandingSource}.
 *
 * @param name the portal's name, e.g. "Acme Customer Portal"
 * @param colour the brand (primary) colour as {@code #rrggbb}
 * @param logoPath the logo's path on this server (e.g. {@code /branding/logo?v=3}), or {@code null} for the name only
 * @param faviconPath the favicon's path on this server, or {@code null} for the browser's default
 * @param textColour the colour of text on {@code colour}, as {@code #rrggbb}: whichever of white and near-black reads
 *        better on it ({@link ColourContrast#readableTextOn}), so that it meets WCAG AA whenever either can
 * @param supportEmail where customers write for help, or {@code null}
 * @param supportPhone the support phone number as the operator writes it, or {@code null}
 * @param footer a line shown at the foot of every page and email (e.g. the company's legal name), or {@code null}
 * @since 1.5
 */
public record Branding(String name, String colour, String logoPath, String faviconPath, String textColour,
        String supportEmail, String supportPhone, String footer) {

    public Branding {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(textColour, "textColour");
    }

    /** The name, colour and logo only (as before 1.5): no favicon, support contacts or footer. */
    public Branding(String name, String colour, String logoPath) {
        this(name, colour, logoPath, null, ColourContrast.readableTextOn(colour), null, null, null);
    }

    /**
     * The brand colour darkened as little as needed to read as text or a link on white at WCAG AA (4.5:1); the
     * colour itself when it already does.
     *
     * @since 1.5
     */
    public String colourOnWhite() {
        return ColourContrast.onWhite(colour);
    }
}
