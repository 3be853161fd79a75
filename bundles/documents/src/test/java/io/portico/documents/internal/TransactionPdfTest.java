package io.portico.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.records.Line;
import io.portico.api.records.Record;
import io.portico.api.records.RecordDetail;
import io.portico.api.records.RelatedRecord;
import io.portico.api.web.Branding;
import io.portico.api.web.BrandingSource;
import io.portico.api.web.Formats;
import io.portico.documents.internal.TransactionDocument.Kind;
import io.portico.testing.TestPages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Generated PDFs read back with PDFBox: every line, total and amount remaining is there, as selectable text. */
class TransactionPdfTest {

    static final PdfRendererComponent RENDERER = new PdfRendererComponent(new TestPages(), new XhtmlToPdf());

    static Record record(String type, String number, BigDecimal total, BigDecimal remaining, Map<String, Object> attrs) {
        return new Record(type, 4711, 7L, "Müller & Ørsted 山田 GmbH", number, null, LocalDate.of(2026, 3, 14),
                LocalDate.of(2026, 4, 13), "open", total, remaining, "USD", Instant.EPOCH, attrs);
    }

    static List<Line> items(int count) {
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(new Line("items", i, "Item-" + i, "Ørsted blade 山田 part " + i, BigDecimal.valueOf(i),
                    new BigDecimal("10.25"), new BigDecimal("10.25").multiply(BigDecimal.valueOf(i)), Map.of()));
        }
        return lines;
    }

    static byte[] render(Kind kind, RecordDetail detail) {
        Formats formats = new Formats(List.of(Locale.US), null);
        return RENDERER.render(TransactionPdfs.class, "transaction.ftlh",
                TransactionDocument.model(kind, detail, formats, List.of("1 Harbour Road", "Oslo 0150"),
                        TestFields.NONE));
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void theLogoUploadedInSettingsIsPrinted() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "png", png);
        PdfRendererComponent renderer = new PdfRendererComponent(new TestPages(), new XhtmlToPdf());
        renderer.brandingSource = new BrandingSource() {
            @Override
            public Branding branding() {
                return new Branding("Acme", "#0055aa", null);
            }

            @Override
            public Optional<Image> logo() {
                return Optional.of(new Image("image/png", png.toByteArray()));
            }

            @Override
            public Optional<Image> favicon() {
                return Optional.empty();
            }
        };
        Record invoice = record("invoice", "INV-1002", BigDecimal.TEN, BigDecimal.TEN, Map.of());
        byte[] pdf = renderer.render(TransactionPdfs.class, "transaction.ftlh", TransactionDocument.model(Kind.INVOICE,
                new RecordDetail(invoice, Map.of(), List.of()), new Formats(List.of(Locale.US), null), List.of(),
                TestFields.NONE));
        assertEquals(1, images(pdf), "the uploaded logo");
        assertEquals(0, images(render(Kind.INVOICE, new RecordDetail(invoice, Map.of(), List.of()))),
                "no logo configured, none printed");
    }

    private static int images(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int count = 0;
            var resources = doc.getPage(0).getResources();
            for (var name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject) {
                    count++;
                }
            }
            return count;
        }
    }

    @Test
    void anInvoiceShowsEveryLineTaxTotalsPaymentsAndTheAmountRemaining() throws IOException {
        // 40 lines: more than a page, so the table breaks and every line must still be there.
        List<Line> lines = items(40);
        BigDecimal subtotal = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = subtotal.add(new BigDecimal("680.63"));
        Record payment = new Record("customerpayment", 900, 7L, null, "PYMT-77", null, LocalDate.of(2026, 3, 20),
                null, "deposited", new BigDecimal("1000.00"), null, "USD", Instant.EPOCH, Map.of());
        Record invoice = record("invoice", "INV-1001", total, new BigDecimal("8085.63"),
                Map.of("billingAddress", "Müller & Ørsted 山田 GmbH\nHauptstraße 5\n10115 Berlin", "terms", "Net 30",
                        "amountPaid", "1000.00"));
        byte[] pdf = render(Kind.INVOICE, new RecordDetail(invoice, Map.of("items", lines),
                List.of(new RelatedRecord("appliedBy", payment, new BigDecimal("1000.00")))));

        String text = text(pdf);
        for (Line line : lines) {
            assertTrue(text.contains(line.item()), line.item());
            assertTrue(text.contains(line.description()), line.description());
        }
        assertTrue(text.contains("$410.00"), "the last line's amount");
        assertTrue(text.contains("Subtotal $8,405.00"), text);
        assertTrue(text.contains("Tax and charges $680.63"), text);
        assertTrue(text.contains("Total $9,085.63"), text);
        assertTrue(text.contains("Amount paid $1,000.00"), text);
        assertTrue(text.contains("Amount remaining $8,085.63"), text);
        assertTrue(text.contains("Payment PYMT-77"), text);
        assertTrue(text.contains("Hauptstraße 5"), text);
        assertTrue(text.contains("Müller & Ørsted 山田 GmbH"), "every script reads back as text");
        assertTrue(text.contains("1 Harbour Road"), "the operator's address");
        assertTrue(text.contains("Acme Portal"), "the operator's name");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 2);
            assertEquals("Invoice INV-1001", doc.getDocumentInformation().getTitle());
            // PDF/UA's description (dc:description) is the document information's subject.
            assertTrue(doc.getDocumentInformation().getSubject().startsWith("Invoice INV-1001 for "),
                    doc.getDocumentInformation().getSubject());
            assertTrue(doc.getDocumentCatalog().getMarkInfo().isMarked(), "tagged PDF");
            assertTrue(doc.getDocumentCatalog().getStructureTreeRoot() != null, "structure tree");
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
            }
        }
    }

    @Test
    void pdfsMadeAtTheSameTimeEachReadBackWhole() throws Exception {
        // More renders at once than parsed font sets are kept idle: each borrows fonts no other render is using.
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> texts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Record invoice = record("invoice", "INV-" + i, new BigDecimal("410.00"), BigDecimal.TEN, Map.of());
                RecordDetail detail = new RecordDetail(invoice, Map.of("items", items(3)), List.of());
                texts.add(threads.submit(() -> text(render(Kind.INVOICE, detail))));
            }
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i).get(1, TimeUnit.MINUTES);
                assertTrue(text.contains("Invoice INV-" + i), text);
                assertTrue(text.contains("Müller & Ørsted 山田 GmbH"), text);
                assertTrue(text.contains("Ørsted blade 山田 part 3"), text);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aDocumentWithoutCjkTextCarriesNoCjkFont() throws IOException {
        Record payment = new Record("customerpayment", 901, 7L, "Hansen AS", "PYMT-8", null,
                LocalDate.of(2026, 3, 20), null, "deposited", new BigDecimal("5.00"), null, "USD", Instant.EPOCH,
                Map.of());
        byte[] pdf = render(Kind.PAYMENT, new RecordDetail(payment, Map.of(), List.of()));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    String font = page.getResources().getFont(name).getName();
                    assertTrue(font.contains("DejaVu"), font);
                }
            }
        }
    }

    @Test
    void aPaymentReceiptListsTheInvoicesItPaid() throws IOException {
        Record payment = record("customerpayment", "PYMT-9", new BigDecimal("250.00"), null,
                Map.of("applied", "200.00", "unapplied", "50.00"));
        List<Line> applications = List.of(
                new Line("applications", 11, "INV-11", null, null, null, new BigDecimal("120.00"),
                        Map.of("invoiceDate", "2026-02-01")),
                new Line("applications", 12, "INV-12", null, null, null, new BigDecimal("80.00"), Map.of()));
        String text = text(render(Kind.PAYMENT, new RecordDetail(payment, Map.of("applications", applications),
                List.of())));
        assertTrue(text.contains("Payment receipt"), text);
        assertTrue(text.contains("Invoice INV-11 Feb 1, 2026 $120.00"), text);
        assertTrue(text.contains("Invoice INV-12"), text);
        assertTrue(text.contains("Total $250.00"), text);
        assertTrue(text.contains("Applied $200.00"), text);
        assertTrue(text.contains("Unapplied $50.00"), text);
    }

    @Test
    void creditMemosAndOrdersHaveTheirOwnTitles() throws IOException {
        Record memo = record("creditmemo", "CM-3", new BigDecimal("20.50"), null, Map.of());
        assertTrue(text(render(Kind.CREDIT_MEMO, new RecordDetail(memo, Map.of("items", items(2)), List.of())))
                .contains("Credit memo"));
        Record order = record("salesorder", "SO-8", new BigDecimal("30.75"), null, Map.of());
        String text = text(render(Kind.SALES_ORDER, new RecordDetail(order, Map.of("items", items(3)), List.of())));
        assertTrue(text.contains("Order confirmation"), text);
        assertTrue(text.contains("Total $30.75"), text);
        assertTrue(text.contains("Tax and charges -$30.75"), "a total below the lines shows the difference: " + text);
    }

    @Test
    void markupInSyncedTextIsPrintedNotInterpreted() throws IOException {
        Record invoice = record("invoice", "<b>INV</b>&amp;", BigDecimal.TEN, BigDecimal.TEN,
                Map.of("billingAddress", "<img src=\"file:///etc/passwd\"/>"));
        String text = text(render(Kind.INVOICE, new RecordDetail(invoice, Map.of(), List.of())));
        assertTrue(text.contains("<b>INV</b>&amp;"), text);
        assertTrue(text.contains("<img src=\"file:///etc/passwd\"/>"), text);
    }

    @Test
    void theFactsReadAsTheFieldMappersMakeThem() throws IOException {
        Record invoice = record("invoice", "INV-77", BigDecimal.TEN, BigDecimal.TEN,
                Map.of("otherRefNum", "PO-77", "terms", "Net 30"));
        RecordDetail detail = new RecordDetail(invoice, Map.of(), List.of());
        String plain = text(render(Kind.INVOICE, detail));
        assertTrue(plain.contains("Invoice # INV-77") && plain.contains("PO-77") && plain.contains("open"), plain);
        String mapped = text(RENDERER.render(TransactionPdfs.class, "transaction.ftlh", TransactionDocument.model(
                Kind.INVOICE, detail, new Formats(List.of(Locale.US), null), List.of(),
                new TestFields("otherRefNum", Map.of("open", "Awaiting payment"), "Invoice no."))));
        assertTrue(mapped.contains("Invoice no. INV-77"), mapped);
        assertTrue(mapped.contains("Status Awaiting payment"), mapped);
        assertTrue(mapped.contains("Terms Net 30"), mapped);
        assertFalse(mapped.contains("PO-77"), "a hidden field is not printed");
    }

    @Test
    void fileNamesAreSafe() {
        assertEquals("Invoice INV_1_2.pdf", TransactionDocument.fileName(Kind.INVOICE,
                record("invoice", "INV/1\\2", BigDecimal.ONE, BigDecimal.ONE, Map.of())));
        assertEquals("attachment; filename=\"a_b_c_d.pdf\"; filename*=UTF-8''a_b_c_d.pdf",
                FileNames.disposition("a\"b\nc/d.pdf", false));
        assertEquals("inline; filename=\"_ller.pdf\"; filename*=UTF-8''%C3%BCller.pdf",
                FileNames.disposition("üller.pdf", true));
        assertEquals("document", FileNames.safe(".."));
    }
}
