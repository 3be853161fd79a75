package io.portico.pay.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.api.identity.DataScope;
import io.portico.api.web.ProblemException;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.NetSuiteException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each open invoice's pay-now link into the custom body field the operator named, through the outbox
 * {@code pay_invoice_link}, and empties the field once the invoice is paid, so that NetSuite's invoice emails and PDFs
 * can carry a "Pay now" button. New invoices are queued as they sync (the worker looks for them: the sync knows
 * nothing of Pay), existing open ones on request ({@link Reconciliation#publishPayLinks}).
 *
 * <p>A link's token is stored hashed, so each attempt makes a new link and writes its address at once; the link the
 * field carried before, and one whose write failed, are revoked, so an invoice has one working link. Links are valid
 * for the longest a link may be (90 days) and are renewed a week before they run out while the invoice is open: an
 * invoice email read months later still pays, and a link never outlives its invoice's balance.
 */
final class PayLinkPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(PayLinkPublisher.class);
    static final int RENEW_DAYS_BEFORE = 7;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SqlSessionFactory sessions;
    private final PaymentLinks links;
    private final Supplier<Optional<NetSuiteClient>> clients;
    private final Supplier<String> publicUrl;
    private final NetSuiteWriteback.Options options;
    private final String owner;

    PayLinkPublisher(SqlSessionFactory sessions, PaymentLinks links, Supplier<Optional<NetSuiteClient>> clients,
            Supplier<String> publicUrl, String node, NetSuiteWriteback.Options options) {
        this.sessions = sessions;
        this.links = links;
        this.clients = clients;
        this.publicUrl = publicUrl;
        this.options = options;
        this.owner = node + "/" + UUID.randomUUID();
    }

    /**
     * One round: queues new invoices, paid ones and expiring links, then works on the due rows it can claim. Without
     * a NetSuite connection nothing is claimed: the rows wait.
     *
     * @return how many rows it worked on
     */
    int run() {
        Optional<NetSuiteClient> client = clients.get();
        List<PayLinkMapper.Job> jobs;
        try (SqlSession session = sessions.openSession(true)) {
            PayLinkMapper mapper = session.getMapper(PayLinkMapper.class);
            mapper.enqueueNew();
            mapper.enqueueClears();
            mapper.enqueueRenewals(RENEW_DAYS_BEFORE);
            if (client.isEmpty()) {
                return 0;
            }
            jobs = mapper.claim(owner, (int) options.lease().toSeconds(), options.batch());
        }
        for (PayLinkMapper.Job job : jobs) {
            process(client.get(), job);
        }
        return jobs.size();
    }

    private void process(NetSuiteClient client, PayLinkMapper.Job job) {
        try (SqlSession session = sessions.openSession(true)) {
            PayLinkMapper mapper = session.getMapper(PayLinkMapper.class);
            DataScope tenant = new DataScope(job.tenantId(), null);
            if (job.field() == null) {
                mapper.done(job.invoiceId(), owner, job.linkId()); // the operator stopped writing links
                return;
            }
            PaymentLinks.Created created = null;
            try {
                if ("publish".equals(job.action())) {
                    created = links.create(tenant, null, List.of(job.invoiceNetsuiteId()), PaymentLinks.MAX_DAYS);
                }
                ObjectNode change = JSON.objectNode();
                if (created == null) {
                    change.putNull(job.field());
                } else {
                    change.put(job.field(), publicUrl.get() + "/pay/l/" + created.token());
                }
                client.updateRecord("invoice", Long.toString(job.invoiceNetsuiteId()), change);
                revoke(tenant, job.linkId());
                mapper.done(job.invoiceId(), owner, created == null ? null : created.link().id());
            } catch (ProblemException e) {
                // Paid in the meantime (409) or no longer an invoice of a customer (404): the next round clears it.
                mapper.done(job.invoiceId(), owner, job.linkId());
            } catch (NetSuiteException e) {
                revoke(tenant, created == null ? null : created.link().id());
                if (NetSuiteWriteback.retryable(e)) {
                    mapper.retryLater(job.invoiceId(), owner, NetSuiteWriteback.netSuiteMessage(e),
                            options.backoff(job.attempts()).toMillis());
                } else {
                    LOG.warn("NetSuite refused the pay-now link of invoice {}: {}", job.invoiceNetsuiteId(),
                            e.getMessage());
                    mapper.stop(job.invoiceId(), owner, NetSuiteWriteback.netSuiteMessage(e));
                }
            } catch (RuntimeException e) {
                revoke(tenant, created == null ? null : created.link().id());
                LOG.warn("The pay-now link of invoice {} failed; it will be retried", job.invoiceNetsuiteId(), e);
                mapper.retryLater(job.invoiceId(), owner, "Portico could not write the link: " + e.getMessage(),
                        options.backoff(job.attempts()).toMillis());
            }
        }
    }

    private void revoke(DataScope tenant, Long linkId) {
        if (linkId != null) {
            links.revoke(tenant, linkId);
        }
    }
}
