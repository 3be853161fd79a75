package io.portico.api.web;

/**
 * How the portal presents itself; configured in {@code etc/io.portico.branding.cfg}.
 *
 * @param name the portal's name, e.g. "Acme Customer Portal"
 * @param colour the brand colour as {@code #rrggbb}
 * @param logoPath the logo's path on this server (e.g. {@code /static/logo.svg}), or {@code null} for the name only
 */
public record Branding(String name, String colour, String logoPath) {
}
