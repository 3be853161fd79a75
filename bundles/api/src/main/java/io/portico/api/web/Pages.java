package io.portico.api.web;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders server-side HTML pages in Portico's one layout and branding (sign-in, admin and portal pages alike).
 *
 * <p>A page is a FreeMarker template ({@code .ftlh}: HTML auto-escaping on) in the calling bundle, next to the class
 * given as {@code owner}. It renders the page's main content only; the layout adds the document head, the branded
 * header and the styles. The model may hold:
 * <ul>
 *   <li>{@code title} (required): the page title, shown in the header and the browser tab;</li>
 *   <li>{@code user}: the signed-in {@code io.portico.api.identity.PortalUser}, shown in the header with a
 *       sign-out button;</li>
 *   <li>{@code csrf}: the CSRF token, which every form must post back in a field named {@code csrf};</li>
 *   <li>{@code currentPath}: the page's path, so that the sidebar ({@link Navigation}) marks the entry it belongs
 *       to.</li>
 * </ul>
 * Pages must not use inline scripts or styles: responses carry a strict Content-Security-Policy.
 */
@ProviderType
public interface Pages {

    /**
     * @param owner a class of the calling bundle; the template is looked up in its package
     * @param template the template's file name, e.g. {@code sign-in.ftlh}
     * @param model the template's variables (records, maps, lists, strings, numbers, booleans)
     * @return the complete HTML document
     * @throws IllegalArgumentException when the template is missing or fails
     */
    String render(Class<?> owner, String template, Map<String, ?> model);

    /**
     * Renders a template of the calling bundle on its own, without the layout: an email body, a text part, a
     * fragment. Templates ending in {@code .ftlh} are HTML-escaped, {@code .ftl} ones are plain text. The model
     * gets {@code brand} ({@link #branding()}) added.
     *
     * @throws IllegalArgumentException when the template is missing or fails
     */
    String fragment(Class<?> owner, String template, Map<String, ?> model);

    /** The operator's branding, for other media (emails) that show it. */
    Branding branding();
}
