package io.portico.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.fieldmap.MappedFields;
import io.portico.api.identity.Organization;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.recordtype.RecordFields;
import io.portico.api.web.Formats;
import io.portico.documents.internal.StatementMapper.Entry;
import io.portico.documents.internal.Statements.Request;
import io.portico.documents.internal.Statements.Section;
import io.portico.documents.internal.Statements.StatementOfAccount;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The statement's columns and cells through the field mapping, and the statement's PDF that shows them. */
class StatementColumnsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final Entry INVOICE = entry("invoice", "INV-1", DAY.plusDays(30), "open", "120.00", "120.00");
    private static final Entry CREDIT = entry("creditmemo", "CM-1", null, "open", "-20.00", "100.00");
    private static final Entry PAYMENT = entry("customerpayment", "PAY-1", null, "deposited", "-50.00", "50.00");

    /** Settings &gt; Field mapping for invoices only: the number renamed, the due date hidden, open renamed. */
    private static final MappedFields INVOICES_MAPPED = new MappedFields() {
        @Override
        public String label(String recordType, String fieldKey, String label) {
            return invoice(recordType) && RecordFields.NUMBER.equals(fieldKey) ? "Invoice no." : label;
        }

        @Override
        public boolean visible(String recordType, String fieldKey) {
            return !(invoice(recordType) && RecordFields.DUE_DATE.equals(fieldKey));
        }

        @Override
        public Map<String, String> valueMap(String recordType, String fieldKey) {
            return invoice(recordType) && RecordFields.STATUS.equals(fieldKey) ? Map.of("open", "Awaiting payment")
                    : Map.of();
        }

        private boolean invoice(String recordType) {
            return "invoice".equals(recordType);
        }
    };

    static Entry entry(String type, String number, LocalDate due, String status, String amount, String balance) {
        return new Entry("USD", type, number.hashCode() & 0xffff, number, DAY, due, status, new BigDecimal(amount),
                new BigDecimal(balance));
    }

    @Test
    void aColumnTakesTheMappedLabelOnlyWhenEveryRecordTypeInItAgrees() {
        assertEquals("Invoice no.", new StatementColumns(List.of(INVOICE), INVOICES_MAPPED)
                .label(RecordFields.NUMBER, "Document"));
        assertEquals("Document", new StatementColumns(List.of(INVOICE, CREDIT, PAYMENT), INVOICES_MAPPED)
                .label(RecordFields.NUMBER, "Document"), "credit memos' numbers are no invoice numbers");
        assertEquals("No.", new StatementColumns(List.of(INVOICE, CREDIT, PAYMENT), new TestFields(null, Map.of(),
                "No.")).label(RecordFields.NUMBER, "Document"), "renamed alike for every type");
        assertEquals("Date", new StatementColumns(List.of(), INVOICES_MAPPED).label(RecordFields.DATE, "Date"));
    }

    @Test
    void aHiddenFieldIsEmptyForItsRecordTypesRowsAndItsColumnGoesWhenNothingInItShows() {
        StatementColumns columns = new StatementColumns(List.of(INVOICE, CREDIT, PAYMENT), INVOICES_MAPPED);
        assertEquals("", columns.text(INVOICE, RecordFields.DUE_DATE));
        assertFalse(columns.shown(RecordFields.DUE_DATE), "only invoices have due dates here, all hidden");
        assertTrue(columns.shown(RecordFields.STATUS));

        Entry dueCredit = entry("creditmemo", "CM-2", DAY.plusDays(10), "open", "-5.00", "45.00");
        StatementColumns withCredit = new StatementColumns(List.of(INVOICE, dueCredit), INVOICES_MAPPED);
        assertTrue(withCredit.shown(RecordFields.DUE_DATE));
        assertEquals("2026-03-12", withCredit.text(dueCredit, RecordFields.DUE_DATE));
        assertEquals("Due", withCredit.label(RecordFields.DUE_DATE, "Due"));

        assertTrue(new StatementColumns(List.of(PAYMENT), INVOICES_MAPPED).shown(RecordFields.DUE_DATE),
                "a column without values stays, as without mapping");
    }

    @Test
    void valuesReadThroughTheirRecordTypesValueMap() {
        StatementColumns columns = new StatementColumns(List.of(INVOICE, CREDIT), INVOICES_MAPPED);
        assertEquals("Awaiting payment", columns.text(INVOICE, RecordFields.STATUS));
        assertEquals("Open", columns.text(CREDIT, RecordFields.STATUS), "the map is the invoices' own");
        assertEquals("INV-1", columns.text(INVOICE, RecordFields.NUMBER));
        assertEquals("Invoice no.", columns.rowLabel(INVOICE, RecordFields.NUMBER, "Invoice #"));
        assertEquals("Credit memo #", columns.rowLabel(CREDIT, RecordFields.NUMBER,
                StatementColumns.numberLabel("creditmemo")));
    }

    @Test
    void theStatementPdfShowsTheMappingAndStillAddsUp() throws Exception {
        StatementOfAccount statement = new StatementOfAccount(new Request(DAY, DAY.plusDays(9),
                Statements.View.ACTIVITY), List.of(new Section("USD", BigDecimal.ZERO, new BigDecimal("120.00"),
                List.of(INVOICE), List.of(new BigDecimal("120.00"), BigDecimal.ZERO), BigDecimal.ZERO)),
                Statements.agingLabels(new int[] {30}));
        Organization customer = new Organization(7, 1L, OrganizationKind.CUSTOMER, "Acme", "7", null, List.of(),
                null, "USD", Map.of(), Instant.EPOCH, Instant.EPOCH, null);
        Formats formats = new Formats(List.of(Locale.US), null);

        String plain = pdf(StatementPages.view(customer, statement, formats, TestFields.NONE));
        assertTrue(plain.contains("Date Document Due Status Charges Credits Balance"), plain);
        assertTrue(plain.contains("Invoice INV-1 Apr 1, 2026 Open $120.00"), plain);

        String mapped = pdf(StatementPages.view(customer, statement, formats, INVOICES_MAPPED));
        assertTrue(mapped.contains("Date Invoice no. Status Charges Credits Balance"), mapped);
        assertTrue(mapped.contains("Invoice INV-1 Awaiting payment $120.00"), mapped);
        assertFalse(mapped.contains("Apr 1, 2026"), "the hidden due date is not printed");
        assertTrue(mapped.contains("Closing balance $120.00"), mapped);
        assertTrue(mapped.contains("Current 1–30 days Over 30 days"), mapped);
    }

    private static String pdf(Map<String, Object> model) throws Exception {
        model.put("operatorAddress", List.of());
        return TransactionPdfTest.text(TransactionPdfTest.RENDERER.render(StatementPages.class, "statement-pdf.ftlh",
                model));
    }
}
