package io.portico.pay.internal;

import io.portico.api.db.Database;
import io.portico.api.web.ProblemException;
import io.portico.netsuite.NetSuiteClient;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Reconciling the NetSuite write-back, for the page, the JSON API, the console and the dashboard's warning alike:
 * every payment's write-back with its state, filtered and paged; retrying a row NetSuite refused once its cause is
 * fixed; marking one resolved when an admin made the customer payment in NetSuite by hand. Every change is written
 * to the audit log in its transaction. Always one tenant's rows: callers pass the operator's tenant.
 */
@Component(service = Reconciliation.class)
public final class Reconciliation {

    /** The states a write-back is in, as filters and pages name them. */
    public static final List<String> STATES = List.of("pending", "posted", "failed", "resolved", "skipped");
    public static final int MAX_PAGE = 200;
    static final int DEFAULT_PAGE = 50;
    static final int MAX_NOTE = 1000;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NetSuiteClient client;

    private final SqlSessionFactory sessions;
    private final Supplier<Optional<String>> account;

    @Activate
    public Reconciliation(@Reference Database database) {
        this.sessions = database.sessionFactory(WritebackMapper.class, PayMapper.class, PayLinkMapper.class);
        this.account = () -> Optional.ofNullable(client).map(c -> c.account().accountId());
    }

    /** @param account the NetSuite account id (realm form, e.g. {@code 123456_SB1}) when one is connected */
    Reconciliation(SqlSessionFactory sessions, Supplier<Optional<String>> account) {
        this.sessions = sessions;
        this.account = account;
    }

    /** A page of write-backs and how many match in all. */
    public record Page(List<WritebackRow> rows, long total, int page, int size) {
    }

    /**
     * The filter from a request's parameters.
     *
     * @throws ProblemException 400 naming the parameter that is not valid
     */
    public static WritebackFilter filter(long tenantId, String state, String customer, String from, String to,
            String page, String size) {
        String wanted = state == null || state.isBlank() ? null : state.trim();
        if (wanted != null && !STATES.contains(wanted)) {
            throw ProblemException.badRequest("The state is one of " + String.join(", ", STATES) + ".");
        }
        Long organization = customer == null || customer.isBlank() ? null
                : PaymentsAccess.positive("customer", customer, Long.MAX_VALUE);
        LocalDate fromDate = PaymentsAccess.date("from", from);
        LocalDate toDate = PaymentsAccess.date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw ProblemException.badRequest("The to date is before the from date.");
        }
        int pageSize = size == null || size.isBlank() ? DEFAULT_PAGE
                : (int) PaymentsAccess.positive("size", size, MAX_PAGE);
        int pageNumber = page == null || page.isBlank() ? 1 : (int) PaymentsAccess.positive("page", page, 100_000);
        return new WritebackFilter(tenantId, wanted, organization, fromDate, toDate, (pageNumber - 1) * pageSize,
                pageSize);
    }

    public Page list(WritebackFilter filter) {
        try (SqlSession session = sessions.openSession()) {
            WritebackMapper mapper = session.getMapper(WritebackMapper.class);
            return new Page(mapper.rows(filter), mapper.countRows(filter), filter.offset() / filter.limit() + 1,
                    filter.limit());
        }
    }

    /**
     * Sends a write-back NetSuite refused back to the queue, to be posted again shortly.
     *
     * @throws ProblemException 404 when the tenant has no such write-back, 409 when it is not stopped
     */
    WritebackRow retry(PayActor actor, String externalId) {
        try (SqlSession session = sessions.openSession(false)) {
            WritebackMapper mapper = session.getMapper(WritebackMapper.class);
            WritebackRow row = stopped(mapper, actor.tenantId(), externalId);
            mapper.retry(actor.tenantId(), externalId);
            audit(session, actor, "pay.writeback_retried", row, Map.of("lastError", text(row.lastError()),
                    "attempts", row.attempts()));
            session.commit(true);
            return mapper.row(actor.tenantId(), externalId);
        }
    }

    /**
     * Records that an admin made this customer payment in NetSuite by hand: the row is done, and says who did it
     * and their note.
     *
     * @throws ProblemException 400 without a note (or one over 1000 characters), 404 when the tenant has no such
     *     write-back, 409 when it is not stopped
     */
    WritebackRow resolve(PayActor actor, String externalId, String note) {
        String why = note == null ? "" : note.strip();
        if (why.isEmpty()) {
            throw ProblemException.badRequest("Say in the note what was done in NetSuite.");
        }
        if (why.length() > MAX_NOTE) {
            throw ProblemException.badRequest("The note is longer than " + MAX_NOTE + " characters.");
        }
        try (SqlSession session = sessions.openSession(false)) {
            WritebackMapper mapper = session.getMapper(WritebackMapper.class);
            WritebackRow row = stopped(mapper, actor.tenantId(), externalId);
            mapper.resolve(actor.tenantId(), externalId, actor.label(), why);
            audit(session, actor, "pay.writeback_resolved", row, Map.of("note", why, "lastError",
                    text(row.lastError())));
            session.commit(true);
            return mapper.row(actor.tenantId(), externalId);
        }
    }

    /**
     * Names the custom body field of NetSuite invoices that pay-now links are written into ({@code null} or blank:
     * none, and no more links are written); invoices synced from now on get a link. Audited.
     *
     * @throws ProblemException 400 for a name that is not a custom body field's id, 409 while no NetSuite account
     *     is chosen for the write-back
     */
    void payLinkField(PayActor actor, String field) {
        String name = field == null || field.isBlank() ? null : field.strip().toLowerCase(Locale.ROOT);
        if (name != null && !name.matches("custbody[a-z0-9_]{1,90}")) {
            throw ProblemException.badRequest("The field is a custom body field's id, like custbody_portico_pay_link.");
        }
        try (SqlSession session = sessions.openSession(false)) {
            if (session.getMapper(PayLinkMapper.class).setField(actor.tenantId(), name) == 0) {
                throw ProblemException.conflict("Choose the NetSuite account that payments post to first.");
            }
            session.getMapper(PayMapper.class).insertAudit(actor.tenantId(), actor.userId(), actor.label(),
                    "pay.pay_link_field", "Pay-now links", PayAdmin.json(Map.of("field", name == null ? "" : name)));
            session.commit(true);
        }
    }

    /** The custom body field of NetSuite invoices that pay-now links go in, if one is named. */
    public Optional<String> payLinkField(long tenantId) {
        try (SqlSession session = sessions.openSession()) {
            return Optional.ofNullable(session.getMapper(PayLinkMapper.class).field(tenantId));
        }
    }

    /**
     * Queues a pay-now link for every open invoice that has none (new invoices get one as they sync). Audited.
     *
     * @return how many invoices were queued
     * @throws ProblemException 409 while no invoice field is named
     */
    int publishPayLinks(PayActor actor) {
        try (SqlSession session = sessions.openSession(false)) {
            PayLinkMapper mapper = session.getMapper(PayLinkMapper.class);
            if (mapper.field(actor.tenantId()) == null) {
                throw ProblemException.conflict("Name the NetSuite invoice field the links go in first"
                        + " (portico:pay-links-publish --field custbody_portico_pay_link).");
            }
            int queued = mapper.enqueueAll(actor.tenantId());
            session.getMapper(PayMapper.class).insertAudit(actor.tenantId(), actor.userId(), actor.label(),
                    "pay.pay_links_published", "Pay-now links", PayAdmin.json(Map.of("invoices", queued)));
            session.commit(true);
            return queued;
        }
    }

    /** What the operator's dashboard warns about: rows waiting longer than the threshold, and the threshold. */
    public record Overdue(long count, int warnAfterMinutes) {
    }

    public Overdue overdue(long tenantId) {
        try (SqlSession session = sessions.openSession()) {
            WritebackMapper mapper = session.getMapper(WritebackMapper.class);
            return new Overdue(mapper.overdue(tenantId), mapper.warnAfterMinutes(tenantId));
        }
    }

    /**
     * The customer payment's page in NetSuite, or empty without a NetSuite id or a connected account. The account
     * id's realm form ({@code 123456_SB1}) is written {@code 123456-sb1} in NetSuite's host names.
     */
    public Optional<URI> netsuiteUrl(WritebackRow row) {
        if (row.netsuiteId() == null || !row.netsuiteId().matches("[0-9]+")) {
            return Optional.empty();
        }
        return account.get().filter(a -> a.matches("[A-Za-z0-9_]+")).map(a -> URI.create("https://"
                + a.toLowerCase(Locale.ROOT).replace('_', '-')
                + ".app.netsuite.com/app/accounting/transactions/custpymt.nl?id=" + row.netsuiteId()));
    }

    private static WritebackRow stopped(WritebackMapper mapper, long tenantId, String externalId) {
        WritebackRow row = externalId == null || externalId.length() > 200 ? null : mapper.row(tenantId, externalId);
        if (row == null) {
            throw ProblemException.notFound("There is no write-back " + externalId + " here.");
        }
        if (!"failed".equals(row.state())) {
            throw ProblemException.conflict("The write-back " + externalId + " is " + row.state()
                    + ": only one NetSuite refused, and not resolved yet, can be retried or resolved.");
        }
        return row;
    }

    private static void audit(SqlSession session, PayActor actor, String action, WritebackRow row,
            Map<String, Object> more) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("externalId", row.externalId());
        detail.put("payment", row.paymentId().toString());
        detail.putAll(more);
        session.getMapper(PayMapper.class).insertAudit(actor.tenantId(), actor.userId(), actor.label(), action,
                "Write-back " + row.externalId(), PayAdmin.json(detail));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
