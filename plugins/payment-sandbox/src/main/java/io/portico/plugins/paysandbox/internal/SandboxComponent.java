package io.portico.plugins.paysandbox.internal;

import io.portico.api.db.Database;
import io.portico.api.payment.CheckoutRequest;
import io.portico.api.payment.CheckoutSession;
import io.portico.api.payment.ConfirmRequest;
import io.portico.api.payment.Onboarding;
import io.portico.api.payment.OnboardingRequest;
import io.portico.api.payment.PaymentException;
import io.portico.api.payment.PaymentMethodDetails;
import io.portico.api.payment.PaymentProcessor;
import io.portico.api.payment.PaymentState;
import io.portico.api.payment.ProcessorAccount;
import io.portico.api.payment.ProcessorEvent;
import io.portico.api.payment.RefundRequest;
import io.portico.api.payment.RefundResult;
import io.portico.api.payment.WebhookRequest;
import io.portico.api.plugin.PluginName;
import io.portico.api.secrets.SecretBox;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox processor as the platform sees it (the {@code sandbox} payment-processor plugin), and the timer that
 * settles bank debits and refunds and delivers webhooks on every node (rows are locked, so nodes share the work). Its
 * pages and endpoints ({@link SandboxResource}) reach the same {@link Sandbox} through {@link #sandbox()}.
 */
@Component(service = {PaymentProcessor.class, SandboxComponent.class}, configurationPid = SandboxConfig.PID,
        immediate = true)
@PluginName(Sandbox.PLUGIN_NAME)
@Designate(ocd = SandboxConfig.class)
public final class SandboxComponent implements PaymentProcessor {

    static final String WEBHOOK_PATH = "/api/pay/webhooks/" + Sandbox.PLUGIN_NAME;

    private static final Logger LOG = LoggerFactory.getLogger(SandboxComponent.class);

    private final Sandbox sandbox;
    private final ScheduledExecutorService timer;

    @Activate
    public SandboxComponent(@Reference Database database, @Reference SecretBox secrets, SandboxConfig config) {
        SqlSessionFactory sessions = database.sessionFactory(SandboxMapper.class);
        Clock clock = Clock.systemUTC();
        String secret = Sandbox.secret(sessions, secrets.reveal(config.webhookSecret()));
        this.sandbox = new Sandbox(sessions, settings(config), new WebhookSigner(secret, clock),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), clock);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portico-pay-sandbox");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, 1000, Math.max(100, config.pollMillis()), TimeUnit.MILLISECONDS);
    }

    static Sandbox.Settings settings(SandboxConfig config) {
        String base = config.portalUrl().strip().replaceAll("/+$", "");
        URI webhook;
        try {
            webhook = URI.create(base + WEBHOOK_PATH);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("portalUrl is not a URL: " + config.portalUrl(), e);
        }
        if (!"http".equals(webhook.getScheme()) && !"https".equals(webhook.getScheme())) {
            throw new IllegalArgumentException("portalUrl must be an http(s) URL: " + config.portalUrl());
        }
        return new Sandbox.Settings(webhook, Duration.ofSeconds(Math.max(0, config.achSettleSeconds())),
                Math.max(1, config.webhookAttempts()), Duration.ofSeconds(Math.max(1, config.webhookRetrySeconds())),
                Duration.ofSeconds(Math.max(0, config.refundSettleSeconds())));
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    Sandbox sandbox() {
        return sandbox;
    }

    private void tick() {
        try {
            sandbox.settleDue();
            sandbox.settleDueRefunds();
            sandbox.deliverDue();
        } catch (RuntimeException e) {
            LOG.warn("Sandbox processor: settling or delivering failed, trying again: {}", e.getMessage());
        }
    }

    @Override
    public String displayName() {
        return sandbox.displayName();
    }

    @Override
    public ProcessorAccount account(String accountId) throws PaymentException {
        return sandbox.account(accountId);
    }

    @Override
    public Onboarding onboard(OnboardingRequest request) throws PaymentException {
        return sandbox.onboard(request);
    }

    @Override
    public CheckoutSession startCheckout(CheckoutRequest request) throws PaymentException {
        return sandbox.startCheckout(request);
    }

    @Override
    public PaymentMethodDetails inspect(String accountId, String methodToken) throws PaymentException {
        return sandbox.inspect(accountId, methodToken);
    }

    @Override
    public PaymentState confirm(ConfirmRequest request) throws PaymentException {
        return sandbox.confirm(request);
    }

    @Override
    public PaymentState fetch(String accountId, String processorReference) throws PaymentException {
        return sandbox.fetch(accountId, processorReference);
    }

    @Override
    public PaymentState cancel(String accountId, String processorReference) throws PaymentException {
        return sandbox.cancel(accountId, processorReference);
    }

    @Override
    public ProcessorEvent verifyWebhook(WebhookRequest request) throws PaymentException {
        return sandbox.verifyWebhook(request);
    }

    @Override
    public RefundResult refund(RefundRequest request) throws PaymentException {
        return sandbox.refund(request);
    }

    @Override
    public RefundResult fetchRefund(String accountId, String refundReference) throws PaymentException {
        return sandbox.fetchRefund(accountId, refundReference);
    }
}
