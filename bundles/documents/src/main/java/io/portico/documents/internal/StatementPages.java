package io.portico.documents.internal;

import io.portico.api.db.Database;
import io.portico.api.documents.PdfRenderer;
import io.portico.api.fieldmap.MappedFields;
import io.portico.api.identity.DataScope;
import io.portico.api.identity.Organization;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.Organizations;
import io.portico.api.identity.PortalUser;
import io.portico.api.recordtype.RecordFields;
import io.portico.api.web.Formats;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.api.web.SidebarLayout;
import io.portico.documents.internal.StatementMapper.Entry;
import io.portico.documents.internal.Statements.Request;
import io.portico.documents.internal.Statements.Section;
import io.portico.documents.internal.Statements.StatementOfAccount;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * A customer's statement of account ({@code /statement}): on screen, as PDF ({@code /statement/pdf}), as CSV
 * ({@code /statement/csv}) and as JSON ({@code /api/statement}), for the users who may view invoices. Operator staff
 * choose the customer ({@code customer}, the organization's id); another tenant's or an unknown organization is a
 * 404. A malformed, reversed or too long range is a 400 naming the parameter. While the operator has hidden the
 * statement in Settings &gt; Sidebar, every one of these is a 404. Each row's date, number, due date and status follow
 * the field mapping of its record type ({@link StatementColumns}); the JSON keeps the raw values and adds
 * {@code fields} beside them, as the records API does.
 */
@Component(service = StatementPages.class, property = PorticoResource.PROPERTY + "=true",
        configurationPid = DocumentsConfig.PID)
@Path("")
public final class StatementPages {

    private static final String INVOICE = "invoice";
    private static final int CUSTOMERS_LISTED = 50;

    private final Statements statements;
    private final Pages pages;
    private final PdfRenderer pdfs;
    private final Organizations organizations;
    private final MappedFields fields;
    private final Clock clock;
    private volatile DocumentsConfig config;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SidebarLayout layout;

    @Activate
    public StatementPages(@Reference Database database, @Reference Pages pages, @Reference PdfRenderer pdfs,
            @Reference Organizations organizations, @Reference MappedFields fields, DocumentsConfig config) {
        this(new Statements(database.sessionFactory(StatementMapper.class)), pages, pdfs, organizations, fields, config,
                Clock.systemUTC());
    }

    StatementPages(Statements statements, Pages pages, PdfRenderer pdfs, Organizations organizations,
            MappedFields fields, DocumentsConfig config, Clock clock) {
        this.statements = statements;
        this.pages = pages;
        this.pdfs = pdfs;
        this.organizations = organizations;
        this.fields = fields;
        this.config = config;
        this.clock = clock;
    }

    @Modified
    void modified(DocumentsConfig config) {
        this.config = config;
    }

    @GET
    @Path("statement")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@Context ContainerRequestContext request, @Context HttpHeaders headers) {
        PortalUser user = user(request);
        MultivaluedMap<String, String> params = request.getUriInfo().getQueryParameters();
        Map<String, Object> model = new HashMap<>();
        model.put("user", user);
        model.put("csrf", request.getProperty(PortalUser.CSRF_REQUEST_PROPERTY));
        model.put("currentPath", "/statement");
        Organization customer = customer(user, params);
        if (customer == null) {
            String q = params.getFirst("q") == null ? "" : params.getFirst("q").strip();
            model.put("title", "Statement of account");
            model.put("q", q);
            model.put("customers", organizations.customers(q, false, 0, CUSTOMERS_LISTED).stream()
                    .map(o -> Map.of("name", o.name(), "href", "/statement?customer=" + o.id())).toList());
            return html(pages.render(StatementPages.class, "statement-customers.ftlh", model));
        }
        Request asked = parse(params);
        Formats formats = Formats.forReader(headers.getAcceptableLanguages(), user);
        model.putAll(view(customer, statement(customer, asked), formats, fields));
        model.put("staff", user.operatorStaff());
        return html(pages.render(StatementPages.class, "statement.ftlh", model));
    }

    @GET
    @Path("statement/pdf")
    public Response pdf(@Context ContainerRequestContext request, @Context HttpHeaders headers) {
        PortalUser user = user(request);
        Organization customer = requireCustomer(user, request.getUriInfo().getQueryParameters());
        Request asked = parse(request.getUriInfo().getQueryParameters());
        Formats formats = Formats.forReader(headers.getAcceptableLanguages(), user);
        Map<String, Object> model = view(customer, statement(customer, asked), formats, fields);
        model.put("operatorAddress", TransactionPdfs.addressLines(config.operatorAddress()));
        byte[] pdf = pdfs.render(StatementPages.class, "statement-pdf.ftlh", model);
        return TransactionPdfs.download(fileName(customer, asked, "pdf"), "application/pdf", pdf);
    }

    /** One row per transaction (or open item) with its currency, plain numbers for spreadsheets. */
    @GET
    @Path("statement/csv")
    public Response csv(@Context ContainerRequestContext request) {
        PortalUser user = user(request);
        Organization customer = requireCustomer(user, request.getUriInfo().getQueryParameters());
        Request asked = parse(request.getUriInfo().getQueryParameters());
        StatementOfAccount statement = statement(customer, asked);
        StatementColumns columns = columns(statement, fields);
        CsvColumns csvColumns = new CsvColumns(columns.shown(RecordFields.DUE_DATE),
                columns.shown(RecordFields.STATUS));
        StringBuilder csv = new StringBuilder("\uFEFF").append(csvColumns.line("Currency",
                columns.label(RecordFields.DATE, "Date"), "Type", columns.label(RecordFields.NUMBER, "Number"),
                columns.label(RecordFields.DUE_DATE, "Due"), "Amount", "Balance",
                columns.label(RecordFields.STATUS, "Status")));
        for (Section s : statement.sections()) {
            if (asked.view() == Statements.View.ACTIVITY) {
                csv.append(csvColumns.line(s.currency(), asked.from().toString(), "Opening balance", "", "", "",
                        s.opening().toPlainString(), ""));
            }
            for (Entry e : s.entries()) {
                csv.append(csvColumns.line(e.currency(), columns.text(e, RecordFields.DATE), kindLabel(e.recordType()),
                        columns.text(e, RecordFields.NUMBER), columns.text(e, RecordFields.DUE_DATE),
                        e.amount().toPlainString(), e.balance().toPlainString(), columns.text(e, RecordFields.STATUS)));
            }
            csv.append(csvColumns.line(s.currency(), asked.to().toString(), "Closing balance", "", "", "",
                    s.closing().toPlainString(), ""));
        }
        return Response.ok(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                .header("Content-Disposition", FileNames.disposition(fileName(customer, asked, "csv"), false))
                .header("Cache-Control", "private, no-store")
                .build();
    }

    /**
     * The CSV's columns: Currency, Date, Type, Number, Due, Amount, Balance and Status (last, so that the columns
     * before it keep their places), less Due and Status when the field mapping leaves them out.
     */
    private record CsvColumns(boolean due, boolean status) {

        /** One line of the eight columns' values, less those left out. */
        String line(String... values) {
            List<String> shown = new ArrayList<>(Arrays.asList(values));
            if (!status) {
                shown.remove(7);
            }
            if (!due) {
                shown.remove(4);
            }
            return cells(shown.toArray(String[]::new));
        }
    }

    /** The statement as JSON, for {@link StatementApi}. */
    Map<String, Object> json(ContainerRequestContext request) {
        PortalUser user = user(request);
        Organization customer = requireCustomer(user, request.getUriInfo().getQueryParameters());
        Request asked = parse(request.getUriInfo().getQueryParameters());
        StatementOfAccount statement = statement(customer, asked);
        StatementColumns columns = columns(statement, fields);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customer", Map.of("id", customer.id(), "name", customer.name()));
        json.put("from", asked.from().toString());
        json.put("to", asked.to().toString());
        json.put("view", asked.view().param);
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Section s : statement.sections()) {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("currency", s.currency());
            section.put("openingBalance", s.opening());
            section.put("closingBalance", s.closing());
            section.put("entries", s.entries().stream().map(e -> entryJson(e, columns)).toList());
            List<Map<String, Object>> aging = new ArrayList<>();
            for (int i = 0; i < s.aging().size(); i++) {
                aging.add(Map.of("bucket", statement.agingLabels().get(i), "amount", s.aging().get(i)));
            }
            section.put("aging", aging);
            section.put("unapplied", s.unapplied());
            sections.add(section);
        }
        json.put("currencies", sections);
        return json;
    }

    /**
     * A row as JSON: its raw keys and values, less the fields the mapping hides for its record type (as the records
     * API leaves them out), and {@code fields}, each shown field's {@code value}, {@code label} and {@code display}.
     */
    private static Map<String, Object> entryJson(Entry e, StatementColumns columns) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("recordType", e.recordType());
        entry.put("id", Long.toString(e.netsuiteId()));
        Map<String, Object> shown = new LinkedHashMap<>();
        field(entry, shown, e, columns, RecordFields.NUMBER, "number", StatementColumns.numberLabel(e.recordType()));
        field(entry, shown, e, columns, RecordFields.DATE, "date", "Date");
        field(entry, shown, e, columns, RecordFields.DUE_DATE, "dueDate", "Due");
        field(entry, shown, e, columns, RecordFields.STATUS, "status", "Status");
        entry.put("amount", e.amount());
        entry.put("balance", e.balance());
        entry.put("fields", shown);
        return entry;
    }

    private static void field(Map<String, Object> entry, Map<String, Object> shown, Entry e, StatementColumns columns,
            String key, String jsonKey, String label) {
        if (!columns.visible(e, key)) {
            return;
        }
        Object raw = StatementColumns.value(e, key);
        String value = raw == null ? null : raw.toString();
        entry.put(jsonKey, value);
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("value", value);
        field.put("label", columns.rowLabel(e, key, label));
        field.put("display", value == null ? null : columns.text(e, key));
        shown.put(key, field);
    }

    private PortalUser user(ContainerRequestContext request) {
        PortalUser user = PortalUser.require(request.getSecurityContext().getUserPrincipal());
        SidebarLayout sidebar = layout;
        if (!user.canView(INVOICE) || sidebar != null && sidebar.hidden(SidebarLayout.STATEMENT)) {
            throw ProblemException.notFound("There is no statement here.");
        }
        return user;
    }

    /**
     * The organization of the statement: a customer's own, or for operator staff the one named by {@code customer}
     * ({@code null} while none is named).
     */
    private Organization customer(PortalUser user, MultivaluedMap<String, String> params) {
        String id = params.getFirst("customer");
        if (!user.operatorStaff()) {
            if (id != null) {
                throw ProblemException.badRequest("'customer' is for the operator's staff.");
            }
            return organizations.find(user.organizationId())
                    .orElseThrow(() -> ProblemException.notFound("There is no statement here."));
        }
        if (id == null || id.isBlank()) {
            return null;
        }
        if (!id.matches("[0-9]{1,18}")) {
            throw ProblemException.badRequest("'customer' must be an organization id (digits).");
        }
        return organizations.find(Long.parseLong(id))
                .filter(o -> o.kind() == OrganizationKind.CUSTOMER && Long.valueOf(user.tenantId()).equals(o.tenantId()))
                .orElseThrow(() -> ProblemException.notFound("There is no such customer."));
    }

    private Organization requireCustomer(PortalUser user, MultivaluedMap<String, String> params) {
        Organization customer = customer(user, params);
        if (customer == null) {
            throw ProblemException.badRequest("Choose the customer: ?customer=ID.");
        }
        return customer;
    }

    private Request parse(MultivaluedMap<String, String> params) {
        try {
            return Statements.parse(params.getFirst("from"), params.getFirst("to"), params.getFirst("view"),
                    LocalDate.now(clock), config.maxStatementDays());
        } catch (Statements.BadParameter e) {
            throw ProblemException.badRequest("Query parameter " + e.getMessage());
        }
    }

    private StatementOfAccount statement(Organization customer, Request asked) {
        return statements.statement(new DataScope(customer.tenantId(), customer.id()), asked, config.agingBuckets());
    }

    /** Every row of the statement, in each currency, read through the field mapping. */
    private static StatementColumns columns(StatementOfAccount statement, MappedFields fields) {
        return new StatementColumns(statement.sections().stream().flatMap(s -> s.entries().stream()).toList(), fields);
    }

    /**
     * The statement as the page and the PDF show it: every amount formatted, signs as charges and credits, the
     * records' fields as the field mapping shows them.
     */
    static Map<String, Object> view(Organization customer, StatementOfAccount statement, Formats formats,
            MappedFields fields) {
        Request asked = statement.request();
        Map<String, Object> model = new HashMap<>();
        String title = "Statement of account " + customer.name();
        model.put("title", title);
        model.put("customer", customer.name());
        model.put("customerId", String.valueOf(customer.id()));
        model.put("from", asked.from().toString());
        model.put("to", asked.to().toString());
        model.put("fromText", formats.date(asked.from()));
        model.put("toText", formats.date(asked.to()));
        model.put("view", asked.view().param);
        model.put("openOnly", asked.view() == Statements.View.OPEN);
        model.put("agingLabels", statement.agingLabels());
        StatementColumns columns = columns(statement, fields);
        boolean due = columns.shown(RecordFields.DUE_DATE);
        boolean status = columns.shown(RecordFields.STATUS);
        model.put("dateLabel", columns.label(RecordFields.DATE, "Date"));
        model.put("documentLabel", columns.label(RecordFields.NUMBER, "Document"));
        model.put("dueLabel", columns.label(RecordFields.DUE_DATE, "Due"));
        model.put("statusLabel", columns.label(RecordFields.STATUS, "Status"));
        model.put("showDue", due);
        model.put("showStatus", status);
        // The opening and closing balances' label spans Document, Due and Status as shown, Charges and Credits.
        model.put("balanceSpan", 3 + (due ? 1 : 0) + (status ? 1 : 0));
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Section s : statement.sections()) {
            String c = s.currency();
            Map<String, Object> section = new HashMap<>();
            section.put("currency", c);
            section.put("opening", formats.money(s.opening(), c));
            section.put("closing", formats.money(s.closing(), c));
            section.put("unapplied", s.unapplied().signum() == 0 ? "" : formats.money(s.unapplied(), c));
            section.put("aging", s.aging().stream().map(a -> formats.money(a, c)).toList());
            section.put("entries", s.entries().stream().map(e -> Map.of(
                    "date", columns.visible(e, RecordFields.DATE) ? formats.date(e.date()) : "",
                    "due", columns.visible(e, RecordFields.DUE_DATE) ? formats.date(e.dueDate()) : "",
                    "status", columns.text(e, RecordFields.STATUS),
                    "kind", kindLabel(e.recordType()),
                    "number", columns.text(e, RecordFields.NUMBER),
                    "href", "/records/" + e.recordType() + "/" + e.netsuiteId(),
                    "charge", e.amount().signum() > 0 ? formats.money(e.amount(), c) : "",
                    "credit", e.amount().signum() < 0 ? formats.money(e.amount().negate(), c) : "",
                    "balance", formats.money(e.balance(), c))).toList());
            sections.add(section);
        }
        model.put("sections", sections);
        return model;
    }

    static String kindLabel(String recordType) {
        return switch (recordType) {
            case "invoice" -> "Invoice";
            case "creditmemo" -> "Credit memo";
            case "customerpayment" -> "Payment";
            default -> recordType;
        };
    }

    private static String fileName(Organization customer, Request asked, String extension) {
        return "Statement " + customer.name() + " " + asked.from() + " to " + asked.to() + "." + extension;
    }

    private static String cells(String... values) {
        StringBuilder line = new StringBuilder();
        for (String v : values) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            String text = v == null ? "" : v;
            // A leading = + - @ would make a spreadsheet run the cell as a formula.
            if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")) {
                text = "'" + text;
            }
            line.append('"').append(text.replace("\"", "\"\"")).append('"');
        }
        return line.append("\r\n").toString();
    }

    private static Response html(String page) {
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
