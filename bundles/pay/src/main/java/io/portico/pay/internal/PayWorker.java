package io.portico.pay.internal;

import io.portico.api.mail.Email;
import io.portico.api.mail.Mailer;
import io.portico.api.payment.BankVerification;
import io.portico.api.web.Formats;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pay's background work, safe on every node at once (rows are claimed with {@code FOR UPDATE SKIP LOCKED}):
 * processes stored webhook events by asking the processor where the payment and its pending refunds stand, asks about
 * payments whose outcome and refunds whose answer have been open for minutes (a webhook may never come), and emails
 * payers their receipts, a bank payment's outcome and the link that verifies a bank account by micro-deposits
 * (addresses start with the portal's {@code publicUrl} of {@code io.portico.identity}).
 */
@Component(service = PayWorker.class, immediate = true, configurationPid = "io.portico.identity",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class PayWorker {

    private static final Logger LOG = LoggerFactory.getLogger(PayWorker.class);
    private static final int BATCH = 20;
    /** How long an open payment waits for a webhook before the processor is asked. */
    private static final int STALE_MINUTES = 2;

    private final PayCore core;
    private final Mailer mailer;
    private final String publicUrl;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "portico-pay-worker");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public PayWorker(@Reference PayCore core, @Reference Mailer mailer, Map<String, Object> config) {
        this.core = core;
        this.mailer = mailer;
        this.publicUrl = WritebackWorker.publicUrl(config);
        scheduler.scheduleWithFixedDelay(this::runSafely, 2, 5, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        scheduler.shutdownNow();
    }

    /** Runs soon, not at the next tick: a webhook just arrived. */
    void wake() {
        scheduler.execute(this::runSafely);
    }

    private void runSafely() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("Pay's background work failed; it runs again shortly", e);
        }
    }

    /** One round: events, stale payments and refunds, notices. */
    void run() {
        processWebhookEvents();
        for (Payment payment : stalePayments()) {
            try {
                core.checkout().settleStale(payment);
            } catch (RuntimeException e) {
                LOG.info("Could not ask the processor about payment {}: {}", payment.publicId(), e.getMessage());
            }
        }
        for (long payment : awaitingRefunds()) {
            try {
                core.refunds().settlePending(payment);
            } catch (RuntimeException e) {
                LOG.info("Could not ask the processor about the refunds of payment {}: {}", payment, e.getMessage());
            }
        }
        sendNotices();
    }

    private void processWebhookEvents() {
        try (SqlSession session = core.sessions().openSession(false)) {
            PayMapper mapper = session.getMapper(PayMapper.class);
            for (WebhookEvent event : mapper.claimWebhookEvents(BATCH)) {
                String error = null;
                try {
                    if (event.processorReference() != null) {
                        Payment payment = mapper.findByReference(event.processor(), event.processorReference());
                        if (payment != null) {
                            // Refunds first: their settlement counts each refund once, and then the payment's
                            // state from the processor changes nothing more about them.
                            core.refunds().settlePending(payment.id());
                            core.checkout().refresh(payment);
                        } else {
                            LOG.info("Webhook event {} ({}) of {} names {}, which no payment here has (yet): "
                                    + "nothing to do", event.eventId(), event.eventType(), event.processor(),
                                    event.processorReference());
                        }
                    }
                } catch (RuntimeException e) {
                    error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    LOG.info("Webhook event {} of {} will be retried: {}", event.eventId(), event.processor(), error);
                }
                mapper.webhookEventDone(event.processor(), event.eventId(), error);
            }
            session.commit(true);
        }
    }

    private List<Long> awaitingRefunds() {
        try (SqlSession session = core.sessions().openSession()) {
            return session.getMapper(PayMapper.class).awaitingRefunds(STALE_MINUTES, BATCH);
        }
    }

    private List<Payment> stalePayments() {
        try (SqlSession session = core.sessions().openSession()) {
            return session.getMapper(PayMapper.class).stalePayments(STALE_MINUTES, BATCH);
        }
    }

    private void sendNotices() {
        try (SqlSession session = core.sessions().openSession(false)) {
            PayMapper mapper = session.getMapper(PayMapper.class);
            for (PaymentNotice notice : mapper.claimNotices(BATCH)) {
                Payment payment = mapper.findById(notice.paymentId());
                String subject = subject(notice.status(), payment);
                if (subject != null && payment.payerEmail() != null) {
                    try {
                        mailer.send(new Email(payment.payerEmail(), subject, PayWorker.class, "receipt",
                                receipt(payment, notice.status(), mapper.allocations(payment.id()))));
                    } catch (RuntimeException e) {
                        LOG.info("Could not email the {} notice of payment {}; will retry: {}", notice.status(),
                                payment.publicId(), e.getMessage());
                        break;
                    }
                }
                if ("disputed".equals(notice.status()) && !disputeNotices(mapper, payment)) {
                    break;
                }
                if ("requires_action".equals(notice.status()) && !verificationNotice(mapper, payment)) {
                    continue;
                }
                mapper.noticeSent(notice.eventId());
            }
            session.commit(true);
        }
    }

    /** Tells the operator's admins that a payer's bank disputes a payment; false when mail failed (retried). */
    private boolean disputeNotices(PayMapper mapper, Payment payment) {
        Map<String, Object> model = receipt(payment, "disputed", mapper.allocations(payment.id()));
        for (String admin : mapper.operatorAdminEmails(payment.tenantId())) {
            try {
                mailer.send(new Email(admin, "A payment is disputed", PayWorker.class, "dispute", model));
            } catch (RuntimeException e) {
                LOG.info("Could not email {} about the dispute of payment {}; will retry: {}", admin,
                        payment.publicId(), e.getMessage());
                return false;
            }
        }
        return true;
    }

    /**
     * Emails the payer of a bank payment that waits for micro-deposits the link to Portico's page where they enter
     * them, once: the notice is the payment's one change to {@code requires_action}, however often webhooks and the
     * return page repeat it. False when it must be tried again (the processor or the mail server did not answer).
     */
    private boolean verificationNotice(PayMapper mapper, Payment payment) {
        if (!"us_bank_account".equals(payment.methodKind()) || payment.payerEmail() == null) {
            return true;
        }
        BankVerifications.Awaiting awaiting;
        try {
            awaiting = core.bankVerifications().awaiting(payment);
        } catch (RuntimeException e) {
            LOG.info("Could not ask the processor what payment {} waits for; will retry: {}", payment.publicId(),
                    e.getMessage());
            return false;
        }
        BankVerification verification = awaiting.verification();
        if (verification == null) {
            return true; // verified on the processor's own page, or failed, before this email went
        }
        Formats dates = new Formats(List.of(Locale.US), null);
        Map<String, Object> model = new HashMap<>(receipt(payment, "requires_action", mapper.allocations(
                payment.id())));
        model.put("link", publicUrl + BankVerifyPages.PATH + "/" + core.bankVerifications().token(payment));
        model.put("amounts", verification.kind() == BankVerification.Kind.AMOUNTS);
        model.put("arrives", verification.arrivesBy() == null ? ""
                : dates.date(LocalDate.ofInstant(verification.arrivesBy(), ZoneOffset.UTC)));
        model.put("validDays", BankVerifications.VALIDITY.toDays());
        try {
            mailer.send(new Email(payment.payerEmail(), "Verify your bank account to finish your payment",
                    PayWorker.class, "verify-bank", model));
            return true;
        } catch (RuntimeException e) {
            LOG.info("Could not email the verification link of payment {}; will retry: {}", payment.publicId(),
                    e.getMessage());
            return false;
        }
    }

    /** The subject of the email a status change deserves, or {@code null} when the payer saw it on the page. */
    private static String subject(String status, Payment payment) {
        boolean bank = "us_bank_account".equals(payment.methodKind());
        return switch (status) {
            case "succeeded" -> "Receipt for your payment";
            case "processing" -> bank ? "Your bank payment is processing" : null;
            case "failed" -> bank ? "Your bank payment failed" : null;
            case "refunded", "partially_refunded" -> "Your payment was refunded";
            default -> null;
        };
    }

    private static Map<String, Object> receipt(Payment payment, String status, List<Allocation> allocations) {
        Formats amounts = new Formats(List.of(Locale.US), null);
        return Map.of("status", status, "payment", PaymentView.of(payment, allocations, amounts));
    }
}
