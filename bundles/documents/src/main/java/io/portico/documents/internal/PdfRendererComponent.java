package io.portico.documents.internal;

import io.portico.api.documents.PdfRenderer;
import io.portico.api.web.BrandingSource;
import io.portico.api.web.Pages;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The platform's {@link PdfRenderer}: the caller's template through {@link Pages}, then laid out as PDF. */
@Component(service = PdfRenderer.class)
public final class PdfRendererComponent implements PdfRenderer {

    private static final Set<String> RASTER = Set.of("image/png", "image/jpeg");

    private final Pages pages;
    private final XhtmlToPdf pdf;

    /** Settings &gt; Branding's uploaded images, while the settings bundle runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile BrandingSource brandingSource;

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
     * The logo as a data: URI: the one uploaded in Settings &gt; Branding, else the configured one, which names its path
     * under {@code /static/}, served by the web bundle from its own resources and read from there, never over HTTP.
     * SVG logos are left out (the layout library draws SVG only with Batik, far too large to embed for a logo).
     */
    private String logo() {
        BrandingSource source = brandingSource;
        Optional<BrandingSource.Image> uploaded = source == null ? Optional.empty() : source.logo();
        if (uploaded.isPresent()) {
            BrandingSource.Image image = uploaded.get();
            return RASTER.contains(image.contentType()) ? dataUri(image.contentType(), image.bytes()) : null;
        }
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
            return in == null ? null : dataUri(type, in.readAllBytes());
        } catch (IOException e) {
            return null;
        }
    }

    private static String dataUri(String contentType, byte[] bytes) {
        return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }
}
