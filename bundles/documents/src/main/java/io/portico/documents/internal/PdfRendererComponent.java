package io.portico.documents.internal;

import io.portico.api.documents.PdfRenderer;
import io.portico.api.web.Pages;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The platform's {@link PdfRenderer}: the caller's template through {@link Pages}, then laid out as PDF. */
@Component(service = PdfRenderer.class)
public final class PdfRendererComponent implements PdfRenderer {

    private final Pages pages;
    private final XhtmlToPdf pdf;

    @Activate
    public PdfRendererComponent(@Reference Pages pages) {
        this(pages, new XhtmlToPdf());
    }

    PdfRendererComponent(Pages pages, XhtmlToPdf pdf) {
        this.pages = pages;
        this.pdf = pdf;
    }

    @Override
    public byte[] render(Class<?> owner, String template, Map<String, ?> model) {
        Map<String, Object> data = new HashMap<>(model);
        String logo = logo();
        if (logo != null) {
            data.put("logo", logo);
        }
        return pdf.convert(pages.fragment(owner, template, data));
    }

    /**
     * The logo as a data: URI. Branding names it by its path on this server, under {@code /static/}, which the web
     * bundle serves from its own resources: it is read from there, never over HTTP. SVG logos are left out (the
     * layout library draws SVG only with Batik, far too large to embed for a logo).
     */
    private String logo() {
        String path = pages.branding().logoPath();
        if (path == null || !path.startsWith("/static/")) {
            return null;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        String type = lower.endsWith(".png") ? "image/png"
                : lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? "image/jpeg" : null;
        if (type == null) {
            return null;
        }
        try (InputStream in = pages.getClass().getResourceAsStream(path)) {
            return in == null ? null : "data:" + type + ";base64," + Base64.getEncoder().encodeToString(in.readAllBytes());
        } catch (IOException e) {
            return null;
        }
    }
}
