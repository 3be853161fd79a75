package io.portico.records.internal;

import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.recordtype.RecordFields;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.records.Attachment;
import io.portico.api.records.Dashboard;
import io.portico.api.records.Line;
import io.portico.api.records.MoneySum;
import io.portico.api.records.Record;
import io.portico.api.records.RecordDetail;
import io.portico.api.records.RecordPage;
import io.portico.api.records.RecordQuery;
import io.portico.api.records.RelatedRecord;
import io.portico.api.web.Formats;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records as the pages show them: every value already formatted for the reader, so templates only lay out text.
 * Values from NetSuite stay text; the templates escape them.
 */
final class RecordViews {

    private static final Map<String, String> RELATIONS = orderedRelations();

    private final Formats formats;
    private final LocalDate today;
    private final Function<String, String> labels;
    private final BiFunction<String, String, Map<String, String>> valueMaps;

    /**
     * @param labels a record type's label by its name, for links to related records of other types
     * @param valueMaps a field's value map (raw to display) by record type and field key, as the mappers make it
     */
    RecordViews(Formats formats, LocalDate today, Function<String, String> labels,
            BiFunction<String, String, Map<String, String>> valueMaps) {
        this.formats = formats;
        this.today = today;
        this.labels = labels;
        this.valueMaps = valueMaps;
    }

    Map<String, Object> list(String type, RecordTypeDescriptor descriptor, RecordQuery query, RecordPage page) {
        Map<String, Object> view = new LinkedHashMap<>();
        String base = "/records/" + type;
        Map<String, String> state = ListParams.state(query);
        List<Map<String, Object>> columns = new ArrayList<>();
        for (FieldDescriptor column : descriptor.listColumns()) {
            Map<String, Object> c = new LinkedHashMap<>();
            boolean sorted = column.key().equals(query.sort());
            Map<String, String> sortState = new LinkedHashMap<>(state);
            sortState.put("sort", column.key());
            sortState.put("dir", sorted && !query.descending() ? "desc" : "asc");
            c.put("key", column.key());
            c.put("label", column.label());
            c.put("num", numeric(column.type()));
            c.put("href", base + query(sortState));
            c.put("sort", sorted ? (query.descending() ? "descending" : "ascending") : "none");
            columns.add(c);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Record record : page.records()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("href", base + "/" + record.netsuiteId());
            row.put("id", String.valueOf(record.netsuiteId()));
            row.put("cells", descriptor.listColumns().stream().map(c -> cell(record, c)).toList());
            rows.add(row);
        }
        List<Map<String, Object>> totals = new ArrayList<>();
        for (MoneySum sum : page.sums()) {
            if (sum.total() == null && sum.amountRemaining() == null) {
                continue;
            }
            List<String> cells = descriptor.listColumns().stream().map(c -> switch (c.key()) {
                case RecordFields.TOTAL -> formats.money(sum.total(), sum.currency());
                case RecordFields.AMOUNT_REMAINING -> formats.money(sum.amountRemaining(), sum.currency());
                default -> "";
            }).toList();
            totals.add(Map.of("label", "Total" + (sum.currency() == null ? "" : " " + sum.currency()) + " ("
                    + sum.count() + ")", "cells", cells));
        }
        long first = page.totalCount() == 0 ? 0 : query.offset() + 1;
        long last = Math.min(query.offset() + page.records().size(), page.totalCount());
        view.put("columns", columns);
        view.put("rows", rows);
        view.put("totals", hasMoneyColumn(descriptor) ? totals : List.of());
        view.put("range", formats.number(BigDecimal.valueOf(first)) + "–" + formats.number(BigDecimal.valueOf(last))
                + " of " + formats.number(BigDecimal.valueOf(page.totalCount())));
        view.put("previous", query.page() > 1 ? base + query(withPage(state, query.page() - 1)) : null);
        view.put("next", last < page.totalCount() ? base + query(withPage(state, query.page() + 1)) : null);
        view.put("csv", base + "/csv" + query(state));
        view.put("clear", base);
        view.put("filtered", query.search() != null || query.status() != null || query.from() != null
                || query.to() != null);
        view.put("statuses", page.statuses().stream().map(s -> Map.of("value", s,
                "label", Status.of(s, display(type, RecordFields.STATUS, s), null, null, null, today).label(),
                "selected", s.equals(query.status())))
                .toList());
        view.put("q", query.search() == null ? "" : query.search());
        view.put("from", query.from() == null ? "" : query.from().toString());
        view.put("to", query.to() == null ? "" : query.to().toString());
        view.put("sort", query.sort() == null ? "" : query.sort());
        view.put("dir", query.descending() ? "desc" : "asc");
        view.put("size", state.getOrDefault("size", ""));
        view.put("href", base + query(withPage(state, query.page())));
        return view;
    }

    Map<String, Object> detail(String type, RecordTypeDescriptor descriptor, RecordDetail detail) {
        Record record = detail.record();
        Map<String, Object> view = new LinkedHashMap<>();
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FieldDescriptor field : descriptor.detailFields()) {
            Map<String, Object> cell = cell(record, field);
            if (!"".equals(cell.get("text"))) {
                fields.add(Map.of("label", field.label(), "text", cell.get("text"), "pill", cell.get("pill"),
                        "num", cell.get("num"), "links", links(record, field)));
            }
        }
        view.put("fields", fields);
        view.put("status", status(record).view());
        List<Map<String, Object>> lineLists = new ArrayList<>();
        descriptor.lineLists().forEach((list, heading) -> {
            List<Line> lines = detail.lines().get(list);
            if (lines != null && !lines.isEmpty() && !"applications".equals(list)) {
                lineLists.add(Map.of("heading", heading, "lines", lines.stream().map(l -> line(l, record)).toList()));
            }
        });
        view.put("lineLists", lineLists);
        Map<String, List<Map<String, Object>>> related = new LinkedHashMap<>();
        for (RelatedRecord r : detail.related()) {
            related.computeIfAbsent(r.relation(), k -> new ArrayList<>()).add(related(r));
        }
        view.put("related", RELATIONS.entrySet().stream().filter(e -> related.containsKey(e.getKey()))
                .map(e -> Map.of("heading", e.getValue(), "records", related.get(e.getKey()))).toList());
        return view;
    }

    /** A record's attached files: name, kind, size, date, and the download link or why there is none. */
    List<Map<String, Object>> attachments(List<Attachment> attachments) {
        return attachments.stream().map(a -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", a.name());
            view.put("kind", kind(a.contentType()));
            view.put("size", a.size() == null ? "" : size(a.size()));
            view.put("date", a.date() == null ? "" : formats.date(LocalDate.ofInstant(a.date(), ZoneOffset.UTC)));
            view.put("href", a.download() == null ? "" : a.download());
            view.put("notStored", a.notStored() == null ? "" : a.notStored());
            return view;
        }).toList();
    }

    /** "application/pdf" → "PDF", "image/png" → "PNG image"; anything else as it is. */
    static String kind(String contentType) {
        if (contentType == null) {
            return "";
        }
        String subtype = contentType.substring(contentType.indexOf('/') + 1).toUpperCase(java.util.Locale.ROOT);
        if (contentType.startsWith("image/")) {
            return subtype + " image";
        }
        return subtype.length() <= 4 ? subtype : contentType;
    }

    /** 512 → "512 bytes", 2048 → "2 KB", 3.5 MB → "3.5 MB", in the reader's number format. */
    String size(long bytes) {
        if (bytes < 1024) {
            return formats.number(BigDecimal.valueOf(bytes)) + (bytes == 1 ? " byte" : " bytes");
        }
        double kb = bytes / 1024.0;
        BigDecimal value = BigDecimal.valueOf(kb < 1024 ? kb : kb / 1024).setScale(1, java.math.RoundingMode.HALF_UP);
        return formats.number(value) + (kb < 1024 ? " KB" : " MB");
    }

    Map<String, Object> dashboard(Dashboard dashboard) {
        Map<String, Object> view = new LinkedHashMap<>();
        List<Map<String, Object>> balances = new ArrayList<>();
        for (Dashboard.Balance b : dashboard.balances()) {
            Map<String, Object> balance = new LinkedHashMap<>();
            balance.put("currency", b.currency() == null ? "" : b.currency());
            balance.put("open", formats.money(b.open(), b.currency()));
            balance.put("overdue", formats.money(b.overdue(), b.currency()));
            balance.put("dueSoon", formats.money(b.dueNext30Days(), b.currency()));
            balance.put("credits", formats.money(b.unappliedCredits(), b.currency()));
            BigDecimal largest = b.aging().stream().reduce(BigDecimal.ZERO, BigDecimal::max);
            List<Map<String, Object>> buckets = new ArrayList<>();
            for (int i = 0; i < b.aging().size(); i++) {
                BigDecimal amount = b.aging().get(i);
                int percent = largest.signum() == 0 ? 0
                        : amount.multiply(BigDecimal.valueOf(100)).divide(largest, 0, java.math.RoundingMode.HALF_UP)
                                .intValue();
                buckets.add(Map.of("label", Dashboard.AGING_BUCKETS.get(i), "amount", formats.money(amount,
                        b.currency()), "percent", percent, "y", i * 36));
            }
            balance.put("aging", buckets);
            balances.add(balance);
        }
        view.put("balances", balances);
        view.put("recent", dashboard.recentActivity().stream().map(r -> {
            Map<String, Object> item = new LinkedHashMap<>(link(r));
            item.put("date", formats.date(r.date()));
            item.put("updated", formats.dateTime(r.lastModified()));
            item.put("updatedIso", r.lastModified() == null ? "" : r.lastModified().toString());
            item.put("amount", formats.money(r.total(), r.currency()));
            item.put("status", status(r).view());
            return item;
        }).toList());
        if (dashboard.customer() != null) {
            Record c = dashboard.customer();
            List<Map<String, String>> facts = new ArrayList<>();
            fact(facts, "Billing address", c.attributes().get("billingAddress"));
            fact(facts, "Terms", c.attributes().get("terms"));
            Object limit = c.attributes().get("creditLimit");
            fact(facts, "Credit limit", limit == null ? null : formats.money(Formats.decimal(limit), c.currency()));
            Object balance = c.attributes().get("balance");
            fact(facts, "Balance in NetSuite", balance == null ? null
                    : formats.money(Formats.decimal(balance), c.currency()));
            view.put("customer", Map.of("name", c.name() == null ? "" : c.name(), "facts", facts));
        }
        view.put("mostOverdue", dashboard.mostOverdue().stream().map(o -> Map.of("name", o.organizationName(),
                "amount", formats.money(o.overdue(), o.currency()))).toList());
        return view;
    }

    private static void fact(List<Map<String, String>> facts, String label, Object value) {
        if (value != null && !value.toString().isBlank()) {
            facts.add(Map.of("label", label, "text", value.toString()));
        }
    }

    private Map<String, Object> cell(Record record, FieldDescriptor field) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("label", field.label());
        cell.put("num", numeric(field.type()));
        if (field.type() == FieldType.STATUS) {
            Status status = status(record);
            cell.put("text", status.label());
            cell.put("pill", status.pill());
        } else {
            Object value = record.value(field.key());
            String display = value instanceof String raw ? display(record.recordType(), field.key(), raw) : null;
            cell.put("text", display != null ? display : formats.value(value, field.type(), record.currency()));
            cell.put("pill", "");
        }
        return cell;
    }

    private Status status(Record r) {
        return Status.of(r.status(), display(r.recordType(), RecordFields.STATUS, r.status()), r.dueDate(), r.total(),
                r.amountRemaining(), today);
    }

    /** The operator's display value of a raw value, or {@code null} when the field's value map leaves it out. */
    private String display(String type, String key, String raw) {
        return raw == null ? null : valueMaps.apply(type, key).get(raw);
    }

    /** A {@link FieldType#LINKS} field's texts, each with its https address or none; empty for other fields. */
    static List<Map<String, String>> links(Record record, FieldDescriptor field) {
        if (field.type() != FieldType.LINKS || record.value(field.key()) == null) {
            return List.of();
        }
        Object value = record.value(field.key());
        List<?> texts = value instanceof List<?> list ? list : List.of(value);
        String key = field.key();
        String urlsKey = (key.endsWith("Numbers") ? key.substring(0, key.length() - "Numbers".length()) : key) + "Urls";
        List<?> urls = record.attributes().get(urlsKey) instanceof List<?> list ? list : List.of();
        List<Map<String, String>> links = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String url = i < urls.size() && urls.get(i) != null ? urls.get(i).toString() : "";
            links.add(Map.of("text", String.valueOf(texts.get(i)), "href", url.startsWith("https://") ? url : ""));
        }
        return links;
    }

    private Map<String, Object> line(Line line, Record record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("item", line.item() == null ? "" : line.item());
        view.put("description", line.description() == null ? "" : line.description());
        view.put("quantity", formats.number(line.quantity()));
        view.put("rate", formats.money(line.rate(), record.currency()));
        view.put("amount", formats.money(line.amount(), record.currency()));
        return view;
    }

    private Map<String, Object> related(RelatedRecord related) {
        Record r = related.record();
        Map<String, Object> view = new LinkedHashMap<>(link(r));
        view.put("date", formats.date(r.date()));
        view.put("total", formats.money(r.total(), r.currency()));
        view.put("amount", related.amount() == null ? "" : formats.money(related.amount(), r.currency()));
        view.put("status", status(r).view());
        return view;
    }

    private Map<String, Object> link(Record r) {
        String label = labels.apply(r.recordType());
        return Map.of("href", "/records/" + r.recordType() + "/" + r.netsuiteId(),
                "kind", label == null ? r.recordType() : singular(label),
                "number", r.number() == null ? String.valueOf(r.netsuiteId()) : r.number());
    }

    /** "Invoices" → "Invoice", for a title or a link to one record. */
    static String singular(String label) {
        return label.endsWith("s") ? label.substring(0, label.length() - 1) : label;
    }

    private static boolean numeric(FieldType type) {
        return type == FieldType.MONEY || type == FieldType.NUMBER;
    }

    private static boolean hasMoneyColumn(RecordTypeDescriptor descriptor) {
        return descriptor.listColumns().stream().anyMatch(c -> RecordFields.TOTAL.equals(c.key())
                || RecordFields.AMOUNT_REMAINING.equals(c.key()));
    }

    private static Map<String, String> withPage(Map<String, String> state, int page) {
        Map<String, String> paged = new LinkedHashMap<>(state);
        if (page > 1) {
            paged.put("page", String.valueOf(page));
        }
        return paged;
    }

    static String query(Map<String, String> state) {
        return state.isEmpty() ? "" : "?" + state.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> orderedRelations() {
        Map<String, String> relations = new LinkedHashMap<>();
        relations.put(RecordReaderImpl.APPLIED_BY, "Payments and credits applied");
        relations.put(RecordReaderImpl.APPLIED_TO, "Applied to");
        relations.put(RecordReaderImpl.CREATED_FROM, "Created from");
        relations.put(RecordReaderImpl.CREATED, "Billed and shipped from this order");
        return relations;
    }
}
