package io.portico.documents.internal;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontGroup;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.CacheStore;
import com.openhtmltopdf.util.XRLog;
import io.portico.api.documents.PdfRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.logging.Level;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays out well-formed XHTML as a tagged PDF (PDF/UA) with the embedded fonts; each PDF embeds only the glyphs it
 * uses. Parsing the font files was most of a small PDF's time and nearly all of its garbage (the collector's pauses
 * were the benchmark's p99), so parsed fonts are kept and reused: a parsed font is not safe for two threads at once,
 * so each render borrows a set of its own and gives it back. The fonts' metrics are kept too, so that the layout
 * reads them without loading a font into the document: the large CJK fallback font is then loaded only into a
 * document that has a character only it can draw.
 */
final class XhtmlToPdf {

    /** Marks what made the PDF in its document information. */
    private static final String PRODUCER = "Portico";

    /** Parsed sets kept between renders: enough for the renders that run at once on a small server. */
    private static final int IDLE_FONT_SETS = 4;

    private final byte[] regular = font("DejaVuSans.ttf");
    private final byte[] bold = font("DejaVuSans-Bold.ttf");
    private final byte[] cjk = font("DroidSansFallbackFull.ttf");
    private final Deque<FontSet> idleFonts = new ConcurrentLinkedDeque<>();
    private final MetricsCache metrics = new MetricsCache();

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
                .useCacheStore(CacheStore.PDF_FONT_METRICS, metrics)
                // Nothing outside the document itself: images only as data: URIs, no fetching of any address.
                .useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .withHtmlContent(xhtml, null)
                .toStream(pdf);
        FontSet fonts = borrowFonts();
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            PDDocument document = renderer.getPdfDocument();
            PdfBoxFontResolver resolver = renderer.getFontResolver();
            resolver.addFont(new LazyFont(document, fonts.regular()), PdfRenderer.FONT_FAMILY, 400,
                    IdentValue.NORMAL, true);
            resolver.addFont(new LazyFont(document, fonts.bold()), PdfRenderer.FONT_FAMILY, 700,
                    IdentValue.NORMAL, true);
            resolver.addFont(new LazyFont(document, fonts.cjk()), "Portico CJK", 400, IdentValue.NORMAL, true,
                    FontGroup.FINAL_FALLBACK);
            renderer.layout();
            renderer.createPDF();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The document could not be laid out as PDF: " + e.getMessage(), e);
        } finally {
            giveBack(fonts);
        }
        return pdf.toByteArray();
    }

    private FontSet borrowFonts() {
        FontSet fonts = idleFonts.poll();
        return fonts != null ? fonts : new FontSet(parse(regular), parse(bold), parse(cjk));
    }

    private void giveBack(FontSet fonts) {
        if (idleFonts.size() < IDLE_FONT_SETS) {
            idleFonts.push(fonts);
        }
    }

    /** The three fonts of one render, parsed (tables are read on first use and then kept). */
    private record FontSet(TrueTypeFont regular, TrueTypeFont bold, TrueTypeFont cjk) {
    }

    /**
     * A parsed font put into the document only when the layout first needs it, so a document without CJK text
     * carries no trace of the fallback font. The library's own file-based supplier is a subclass in the same way.
     */
    private static final class LazyFont extends PDFontSupplier {
        private final PDDocument document;
        private final TrueTypeFont font;
        private PDFont loaded;

        LazyFont(PDDocument document, TrueTypeFont font) {
            super(null);
            this.document = document;
            this.font = font;
        }

        @Override
        public PDFont supply() {
            if (loaded == null) {
                try {
                    loaded = PDType0Font.load(document, font, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return loaded;
        }
    }

    /** The library's cache of font metrics, shared by every render (the library reads and writes it per font). */
    private static final class MetricsCache implements FSCacheEx<String, FSCacheValue> {
        private final Map<String, FSCacheValue> values = new ConcurrentHashMap<>();

        @Override
        public void put(String key, FSCacheValue value) {
            values.put(key, value);
        }

        @Override
        public FSCacheValue get(String key, Callable<? extends FSCacheValue> loader) {
            return values.computeIfAbsent(key, absent -> {
                try {
                    return loader.call();
                } catch (Exception e) {
                    throw new IllegalStateException("Font metrics could not be read: " + e.getMessage(), e);
                }
            });
        }

        @Override
        public FSCacheValue get(String key) {
            return values.get(key);
        }
    }

    private static TrueTypeFont parse(byte[] file) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
