package io.portico.api.web;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of Portico's pages: everything from this origin only, no inline script or style, no
 * framing of Portico, forms posting to this origin. Every response gets {@link #STRICT} unless its resource set a
 * policy of its own; a page that must load a payment processor's element sets {@link #widened} instead, which allows
 * exactly the named origins and nothing else.
 */
public final class ContentSecurityPolicy {

    public static final String HEADER = "Content-Security-Policy";

    private static final Pattern ORIGIN = Pattern.compile("https://[a-z0-9.-]{1,253}(:[0-9]{1,5})?");

    /** The policy of every page that names no other origin. */
    public static final String STRICT = widened(List.of(), List.of(), List.of(), List.of());

    private ContentSecurityPolicy() {
    }

    /**
     * The strict policy with more origins allowed for scripts, frames, connections and form targets (a processor's
     * 3-D Secure page a form's answer redirects to).
     *
     * @param scriptSources origins like {@code https://js.example.com}
     * @throws IllegalArgumentException when a source is not an https origin (no paths, wildcards or keywords)
     */
    public static String widened(List<String> scriptSources, List<String> frameSources, List<String> connectSources,
            List<String> formTargets) {
        return "default-src 'self'; script-src 'self'" + origins(scriptSources) + "; style-src 'self'; "
                + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
                + (frameSources.isEmpty() ? "" : "; frame-src 'self'" + origins(frameSources))
                + (connectSources.isEmpty() ? "" : "; connect-src 'self'" + origins(connectSources))
                + "; form-action 'self'" + origins(formTargets);
    }

    private static String origins(List<String> sources) {
        StringBuilder out = new StringBuilder();
        for (String source : sources) {
            if (source == null || !ORIGIN.matcher(source).matches()) {
                throw new IllegalArgumentException("Not an https origin: " + source);
            }
            out.append(' ').append(source);
        }
        return out.toString();
    }
}
