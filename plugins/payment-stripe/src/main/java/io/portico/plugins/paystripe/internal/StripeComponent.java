package io.portico.plugins.paystripe.internal;

import com.stripe.StripeClient;
import io.portico.api.payment.BankVerification;
import io.portico.api.payment.CheckoutRequest;
import io.portico.api.payment.CheckoutSession;
import io.portico.api.payment.ConfirmRequest;
import io.portico.api.payment.Dispute;
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
import java.time.Clock;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@code stripe} payment-processor plugin, configured by {@code etc/io.portico.pay.stripe.cfg} (without it, it is
 * not offered). Secrets are read through {@link SecretBox}, so they may be sealed.
 */
@Component(service = PaymentProcessor.class, configurationPid = StripeConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@PluginName(StripeProcessor.PLUGIN_NAME)
@Designate(ocd = StripeConfig.class)
public final class StripeComponent implements PaymentProcessor {

    private final StripeProcessor stripe;

    @Activate
    public StripeComponent(@Reference SecretBox secrets, StripeConfig config) {
        this.stripe = create(secrets, config, Clock.systemUTC());
    }

    static StripeProcessor create(SecretBox secrets, StripeConfig config, Clock clock) {
        String secretKey = required("secretKey", secrets.reveal(config.secretKey()));
        String publishableKey = required("publishableKey", config.publishableKey());
        String apiBase = config.apiBase().strip().replaceAll("/+$", "");
        URI base = URI.create(apiBase);
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("apiBase must be an http(s) URL: " + config.apiBase());
        }
        StripeClient client = StripeClient.builder().setApiKey(secretKey).setApiBase(apiBase)
                .setMaxNetworkRetries(Math.max(0, config.maxNetworkRetries()))
                .setConnectTimeout(5_000).setReadTimeout(30_000).build();
        return new StripeProcessor(client, new StripeProcessor.Settings(publishableKey, config.scriptUrl().strip(),
                reveal(secrets, config.webhookSecret()), reveal(secrets, config.connectWebhookSecret()),
                Math.max(0, config.applicationFeeBasisPoints()), secretKey.startsWith("sk_live_")
                        || secretKey.startsWith("rk_live_")), clock);
    }

    private static String reveal(SecretBox secrets, String value) {
        return value == null || value.isBlank() ? null : secrets.reveal(value.strip());
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(StripeConfig.PID + ": " + name + " is not set");
        }
        return value.strip();
    }

    @Override
    public String displayName() {
        return "Stripe";
    }

    @Override
    public ProcessorAccount account(String accountId) throws PaymentException {
        return stripe.account(accountId);
    }

    @Override
    public Onboarding onboard(OnboardingRequest request) throws PaymentException {
        return stripe.onboard(request);
    }

    @Override
    public CheckoutSession startCheckout(CheckoutRequest request) throws PaymentException {
        return stripe.startCheckout(request);
    }

    @Override
    public PaymentMethodDetails inspect(String accountId, String methodToken) throws PaymentException {
        return stripe.inspect(accountId, methodToken);
    }

    @Override
    public PaymentState confirm(ConfirmRequest request) throws PaymentException {
        return stripe.confirm(request);
    }

    @Override
    public PaymentState fetch(String accountId, String processorReference) throws PaymentException {
        return stripe.fetch(accountId, processorReference);
    }

    @Override
    public PaymentState cancel(String accountId, String processorReference) throws PaymentException {
        return stripe.cancel(accountId, processorReference);
    }

    @Override
    public PaymentState verifyBankAccount(String accountId, String processorReference,
            BankVerification.Answer answer) throws PaymentException {
        return stripe.verifyBankAccount(accountId, processorReference, answer);
    }

    @Override
    public boolean offersDashboardLink() {
        return true;
    }

    @Override
    public URI dashboardLink(String accountId) throws PaymentException {
        return stripe.dashboardLink(accountId);
    }

    @Override
    public ProcessorEvent verifyWebhook(WebhookRequest request) throws PaymentException {
        return stripe.verifyWebhook(request);
    }

    @Override
    public RefundResult refund(RefundRequest request) throws PaymentException {
        return stripe.refund(request);
    }

    @Override
    public List<Dispute> disputes(String accountId, String processorReference) throws PaymentException {
        return stripe.disputes(accountId, processorReference);
    }

    @Override
    public RefundResult fetchRefund(String accountId, String refundReference) throws PaymentException {
        return stripe.fetchRefund(accountId, refundReference);
    }
}
