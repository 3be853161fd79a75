package io.portico.documents.internal;

import io.portico.api.fieldmap.MappedFields;
import io.portico.api.records.Line;
import io.portico.api.records.Record;
import io.portico.api.records.RecordDetail;
import io.portico.api.records.RelatedRecord;
import io.portico.api.recordtype.FieldType;
import io.portico.api.recordtype.RecordFields;
import io.portico.api.web.Formats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model of a transaction's PDF (invoice, credit memo, order confirmation, payment receipt), every value already
 * formatted for the reader: the template only places text.
 */
final class TransactionDocument {

    /** The record types that have a PDF, what their document is called and their number's label on the pages. */
    enum Kind {
        INVOICE("invoice", "Invoice", "Invoice #"),
        CREDIT_MEMO("creditmemo", "Credit memo", "Credit memo #"),
        SALES_ORDER("salesorder", "Order confirmation", "Order #"),
        PAYMENT("customerpayment", "Payment receipt", "Payment #");

        final String recordType;
        final String title;
        final String numberLabel;

        Kind(String recordType, String title, String numberLabel) {
            this.recordType = recordType;
            this.title = title;
            this.numberLabel = numberLabel;
        }

        static Optional<Kind> of(String recordType) {
            return Arrays.stream(values()).filter(k -> k.recordType.equals(recordType)).findFirst();
        }
    }

    /** The line list of item lines, and of the invoices a payment or credit was applied to. */
    private static final String ITEMS = "items";
    private static final String APPLICATIONS = "applications";
    /** RecordReader's relation of a payment or credit memo applied to an invoice. */
    private static final String APPLIED_BY = "appliedBy";

    private TransactionDocument() {
    }

    /** The file name the PDF downloads as: what it is and its number, nothing a file system could misread. */
    static String fileName(Kind kind, Record record) {
        String number = record.number() == null ? String.valueOf(record.netsuiteId()) : record.number();
        return FileNames.safe(kind.title + " " + number) + ".pdf";
    }

    /** @param fields the record's fields as the portal shows them */
    static Map<String, Object> model(Kind kind, RecordDetail detail, Formats formats, List<String> operatorAddress,
            MappedFields fields) {
        Record r = detail.record();
        String currency = r.currency();
        Map<String, Object> m = new HashMap<>();
        String number = r.number() == null ? String.valueOf(r.netsuiteId()) : r.number();
        m.put("title", kind.title + " " + number);
        m.put("kind", kind.title);
        m.put("type", kind.recordType);
        m.put("number", number);
        m.put("operatorAddress", operatorAddress);
        m.put("customer", r.organizationName() == null ? "" : r.organizationName());
        m.put("billingAddress", lines(r.attributes().get("billingAddress")));
        m.put("currency", currency == null ? "" : currency);

        // The facts read as the portal's pages show them: the field mappers' labels, value maps and hidden fields.
        Facts facts = new Facts(kind.recordType, fields);
        facts.add(RecordFields.NUMBER, kind.numberLabel, text(r.number()));
        facts.add(RecordFields.DATE, "Date", formats.date(r.date()));
        if (kind == Kind.INVOICE) {
            facts.add(RecordFields.DUE_DATE, "Due", formats.date(r.dueDate()));
        }
        facts.mapped(RecordFields.STATUS, "Status", r.status());
        facts.mapped("terms", "Terms", r.attributes().get("terms"));
        facts.mapped("otherRefNum", "PO #", r.attributes().get("otherRefNum"));
        facts.mapped("memo", "Memo", r.attributes().get("memo"));
        m.put("facts", facts.rows);

        List<Map<String, String>> items = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        for (Line line : detail.lines().getOrDefault(ITEMS, List.of())) {
            items.add(Map.of("item", text(line.item()), "description", text(line.description()),
                    "quantity", formats.number(line.quantity()), "rate", formats.money(line.rate(), currency),
                    "amount", formats.money(line.amount(), currency)));
            if (line.amount() != null) {
                subtotal = subtotal.add(line.amount());
            }
        }
        m.put("items", items);

        List<Map<String, String>> totals = new ArrayList<>();
        BigDecimal total = r.total() == null ? BigDecimal.ZERO : r.total();
        if (!items.isEmpty()) {
            totals.add(row("Subtotal", formats.money(subtotal, currency)));
            // NetSuite's header total includes tax (and shipping); the lines synced are the items.
            BigDecimal tax = total.subtract(subtotal);
            if (tax.signum() != 0) {
                totals.add(row("Tax and charges", formats.money(tax, currency)));
            }
        }
        totals.add(row("Total", formats.money(total, currency)));
        switch (kind) {
            case INVOICE -> {
                BigDecimal remaining = r.amountRemaining() == null ? BigDecimal.ZERO : r.amountRemaining();
                BigDecimal paid = Optional.ofNullable(Formats.decimal(r.attributes().get("amountPaid")))
                        .orElse(total.subtract(remaining));
                totals.add(row("Amount paid", formats.money(paid, currency)));
                totals.add(row("Amount remaining", formats.money(remaining, currency)));
            }
            case CREDIT_MEMO, PAYMENT -> {
                totals.add(row("Applied", formats.money(Formats.decimal(r.attributes().get("applied")), currency)));
                totals.add(row("Unapplied", formats.money(Formats.decimal(r.attributes().get("unapplied")), currency)));
            }
            case SALES_ORDER -> {
            }
        }
        m.put("totals", totals);

        List<Map<String, String>> applied = new ArrayList<>();
        if (kind == Kind.INVOICE) {
            for (RelatedRecord related : detail.related()) {
                if (APPLIED_BY.equals(related.relation())) {
                    Record by = related.record();
                    applied.add(Map.of("what", label(by.recordType()) + " " + text(by.number()),
                            "date", formats.date(by.date()), "amount", formats.money(related.amount(), currency)));
                }
            }
        } else {
            for (Line line : detail.lines().getOrDefault(APPLICATIONS, List.of())) {
                Object date = line.attributes().get("invoiceDate");
                applied.add(Map.of("what", "Invoice " + text(line.item()),
                        "date", date == null ? "" : formats.value(date, FieldType.DATE, null),
                        "amount", formats.money(line.amount(), currency)));
            }
        }
        m.put("applied", applied);
        m.put("appliedHeading", kind == Kind.INVOICE ? "Payments and credits applied" : "Applied to invoices");
        return m;
    }

    private static String label(String recordType) {
        return switch (recordType) {
            case "customerpayment" -> "Payment";
            case "creditmemo" -> "Credit memo";
            default -> recordType;
        };
    }

    /** The facts beside the billing address, each a field of the record unless a field mapper hides it. */
    private static final class Facts {

        private final String recordType;
        private final MappedFields fields;
        private final List<Map<String, String>> rows = new ArrayList<>();

        Facts(String recordType, MappedFields fields) {
            this.recordType = recordType;
            this.fields = fields;
        }

        /** A field already formatted for the reader. */
        void add(String key, String label, String value) {
            if (!value.isBlank() && fields.visible(recordType, key)) {
                rows.add(row(fields.label(recordType, key, label), value));
            }
        }

        /** A field NetSuite sends as text, read through its value map. */
        void mapped(String key, String label, Object raw) {
            add(key, label, raw == null ? "" : fields.display(recordType, key, raw.toString()));
        }
    }

    private static Map<String, String> row(String label, String value) {
        return Map.of("label", label, "value", value);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static List<String> lines(Object address) {
        return address == null ? List.of() : List.of(address.toString().strip().split("\\R"));
    }
}
