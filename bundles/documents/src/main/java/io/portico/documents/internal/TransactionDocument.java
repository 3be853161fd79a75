package io.portico.documents.internal;

import io.portico.api.records.Line;
import io.portico.api.records.Record;
import io.portico.api.records.RecordDetail;
import io.portico.api.records.RelatedRecord;
import io.portico.api.recordtype.FieldType;
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

    /** The record types that have a PDF, and what their document is called. */
    enum Kind {
        INVOICE("invoice", "Invoice"),
        CREDIT_MEMO("creditmemo", "Credit memo"),
        SALES_ORDER("salesorder", "Order confirmation"),
        PAYMENT("customerpayment", "Payment receipt");

        final String recordType;
        final String title;

        Kind(String recordType, String title) {
            this.recordType = recordType;
            this.title = title;
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

    static Map<String, Object> model(Kind kind, RecordDetail detail, Formats formats, List<String> operatorAddress) {
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

        List<Map<String, String>> facts = new ArrayList<>();
        fact(facts, "Date", formats.date(r.date()));
        if (kind == Kind.INVOICE) {
            fact(facts, "Due", formats.date(r.dueDate()));
        }
        fact(facts, "Status", r.status() == null ? "" : r.status());
        fact(facts, "Terms", text(r.attributes().get("terms")));
        fact(facts, "PO #", text(r.attributes().get("otherRefNum")));
        fact(facts, "Memo", text(r.attributes().get("memo")));
        m.put("facts", facts);

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

    private static void fact(List<Map<String, String>> facts, String label, String value) {
        if (!value.isBlank()) {
            facts.add(row(label, value));
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
