package io.portico.settings.internal;

/** The saved branding without its images' bytes: what every page needs, reread every few seconds. */
public record BrandingRow(String name, String colour, String supportEmail, String supportPhone, String footer,
        String logoType, String faviconType, long version) {
}
