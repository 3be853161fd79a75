package io.portico.plugins.paystripe.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.payment.OnboardingRequest;
import io.portico.api.payment.PaymentException;
import io.portico.api.payment.ProcessorAccount;
import io.portico.api.secrets.SecretBox;
import io.portico.tools.stripedouble.StripeDouble;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The configuration as Config Admin gives it: sealed secrets opened, what is missing named. */
class StripeComponentTest {

    /** Seals by reversing, so that a secret used without unsealing is visibly wrong. */
    private static final SecretBox REVERSING = new SecretBox() {
        @Override
        public String seal(String plaintext) {
            return "ENC(" + new StringBuilder(plaintext).reverse() + ")";
        }

        @Override
        public String reveal(String configuredValue) {
            return SecretBox.isSealed(configuredValue) ? new StringBuilder(configuredValue.substring(4,
                    configuredValue.length() - 1)).reverse().toString() : configuredValue;
        }
    };

    @Test
    void sealedKeyIsUnsealedBeforeStripeSeesIt() throws PaymentException {
        try (StripeDouble stripe = StripeDouble.start("sk_test_sealed")) {
            StripeProcessor processor = StripeComponent.create(REVERSING,
                    config(REVERSING.seal("sk_test_sealed"), "pk_test_x", stripe.apiBase() + "/"), Clock.systemUTC());
            assertEquals(ProcessorAccount.State.NOT_CONNECTED, processor.account(null).state());
            String account = processor.onboard(new OnboardingRequest(null, null, null,
                    URI.create("https://portal.example/r"), URI.create("https://portal.example/f"))).accountId();
            assertEquals(ProcessorAccount.State.ONBOARDING, processor.account(account).state());
        }
    }

    @Test
    void missingKeysAndOddAddressesAreNamed() {
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
                () -> StripeComponent.create(REVERSING, config(" ", "pk_test_x", "https://api.stripe.com"),
                        Clock.systemUTC()));
        assertTrue(noKey.getMessage().contains("secretKey"), noKey.getMessage());
        IllegalArgumentException noPublishable = assertThrows(IllegalArgumentException.class,
                () -> StripeComponent.create(REVERSING, config("sk_test_x", "", "https://api.stripe.com"),
                        Clock.systemUTC()));
        assertTrue(noPublishable.getMessage().contains("publishableKey"), noPublishable.getMessage());
        IllegalArgumentException ftp = assertThrows(IllegalArgumentException.class,
                () -> StripeComponent.create(REVERSING, config("sk_test_x", "pk_test_x", "ftp://api.stripe.com"),
                        Clock.systemUTC()));
        assertTrue(ftp.getMessage().contains("apiBase"), ftp.getMessage());
    }

    private static StripeConfig config(String secretKey, String publishableKey, String apiBase) {
        return new StripeConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return StripeConfig.class;
            }

            @Override
            public String secretKey() {
                return secretKey;
            }

            @Override
            public String publishableKey() {
                return publishableKey;
            }

            @Override
            public String webhookSecret() {
                return "";
            }

            @Override
            public String connectWebhookSecret() {
                return "";
            }

            @Override
            public String apiBase() {
                return apiBase;
            }

            @Override
            public String scriptUrl() {
                return StripeProcessor.STRIPE_JS;
            }

            @Override
            public int applicationFeeBasisPoints() {
                return 0;
            }

            @Override
            public int maxNetworkRetries() {
                return 0;
            }
        };
    }
}
