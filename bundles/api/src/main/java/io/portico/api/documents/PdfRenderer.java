package io.portico.api.documents;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders a FreeMarker template of the calling bundle as a PDF, the way {@code io.portico.api.web.Pages#fragment}
 * renders it as HTML: the model gets {@code brand} (the operator's branding) added.
 *
 * <p>The template must produce well-formed XHTML with a {@code <title>} (it becomes the PDF's title) and a
 * {@code lang} on {@code <html>}. Its text must be set in the embedded font family {@value #FONT_FAMILY} (Latin,
 * Greek and Cyrillic, with an embedded CJK face for the characters it lacks), so that names in these scripts render
 * and stay selectable; pages are tagged (PDF/UA) where the layout library can tag them. Images are read only from
 * {@code data:} URIs: a template never makes the server fetch anything. The model also gets {@code logo}, the
 * operator's logo as a {@code data:} URI when it is a PNG or JPEG, else absent.
 */
@ProviderType
public interface PdfRenderer {

    /** The CSS font family that every template's text must use. */
    String FONT_FAMILY = "Portico Sans";

    /**
     * @param owner a class of the calling bundle; the template is looked up in its package
     * @param template the template's file name, e.g. {@code invoice.xhtml.ftlh}
     * @param model the template's variables
     * @return the PDF's bytes
     * @throws IllegalArgumentException when the template is missing, fails or is not well-formed XHTML
     */
    byte[] render(Class<?> owner, String template, Map<String, ?> model);
}
