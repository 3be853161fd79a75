package io.portico.documents.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import io.portico.api.documents.PdfRenderer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.logging.Level;

/**
 * Lays out well-formed XHTML as a tagged PDF (PDF/UA) with the embedded fonts. The font files are read once; each
 * PDF embeds only the glyphs it uses.
 */
final class XhtmlToPdf {

    /** Marks what made the PDF in its document information. */
    private static final String PRODUCER = "Portico";

    private final byte[] regular = font("DejaVuSans.ttf");
    private final byte[] bold = font("DejaVuSans-Bold.ttf");
    private final byte[] cjk = font("DroidSansFallbackFull.ttf");

    XhtmlToPdf() {
        // The library logs each document's timings and font loads at INFO: keep its warnings only.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    byte[] convert(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .usePdfUaAccessibility(true)
                .withProducer(PRODUCER)
                .useFont(() -> stream(regular), PdfRenderer.FONT_FAMILY, 400, FontStyle.NORMAL, true)
                .useFont(() -> stream(bold), PdfRenderer.FONT_FAMILY, 700, FontStyle.NORMAL, true)
                .useFont(() -> stream(cjk), "Portico CJK", 400, FontStyle.NORMAL, true,
                        EnumSet.of(FSFontUseCase.FALLBACK_FINAL))
                // Nothing outside the document itself: images only as data: URIs, no fetching of any address.
                .useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .withHtmlContent(xhtml, null)
                .toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The document could not be laid out as PDF: " + e.getMessage(), e);
        }
        return pdf.toByteArray();
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static byte[] font(String file) {
        try (InputStream in = XhtmlToPdf.class.getResourceAsStream("/io/portico/documents/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("The font " + file + " is missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
