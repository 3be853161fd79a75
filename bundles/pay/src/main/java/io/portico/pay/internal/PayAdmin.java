package io.portico.pay.internal;

import io.portico.api.payment.Onboarding;
import io.portico.api.payment.OnboardingRequest;
import io.portico.api.payment.PaymentException;
import io.portico.api.payment.PaymentProcessor;
import io.portico.api.payment.ProcessorAccount;
import io.portico.api.web.ProblemException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Settings &gt; Pay: the processor, connecting the operator's account with it, turning Pay on (only once the
 * processor says the account can take payments), fees and exempt customers. Every change is written with its audit
 * entry in one transaction.
 */
final class PayAdmin {

    private final SqlSessionFactory sessions;
    private final Checkout checkout;
    private final Function<String, Optional<PaymentProcessor>> processors;
    private final Supplier<List<String>> processorNames;

    PayAdmin(SqlSessionFactory sessions, Checkout checkout, Function<String, Optional<PaymentProcessor>> processors,
            Supplier<List<String>> processorNames) {
        this.sessions = sessions;
        this.checkout = checkout;
        this.processors = processors;
        this.processorNames = processorNames;
    }

    /** Where the operator's account stands, read from its processor; empty before a processor is picked. */
    /**
     * The account as the settings page shows it.
     *
     * @param dashboard whether the processor has a dashboard the admin can be signed in to now (the account has
     *     submitted its details)
     */
    record AccountView(String processorName, ProcessorAccount account, String problem, boolean dashboard) {
    }

    PaySettings settings(long tenantId) {
        return checkout.settings(tenantId);
    }

    List<Long> exemptions(long tenantId) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(PayMapper.class).exemptions(tenantId);
        }
    }

    /** The running processor plugins: name and display name. */
    Map<String, String> processors() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String name : processorNames.get()) {
            processors.apply(name).ifPresent(p -> names.put(name, p.displayName()));
        }
        return names;
    }

    /** The account as its processor has it now; a processor that is stopped or does not answer says so. */
    Optional<AccountView> account(PaySettings settings) {
        if (settings.processor() == null) {
            return Optional.empty();
        }
        Optional<PaymentProcessor> processor = processors.apply(settings.processor());
        if (processor.isEmpty()) {
            return Optional.of(new AccountView(settings.processor(), null, "The processor plugin "
                    + settings.processor() + " is not running: customers cannot pay until it runs again.", false));
        }
        try {
            ProcessorAccount account = processor.get().account(settings.processorAccountId());
            boolean submitted = account.state() == ProcessorAccount.State.READY
                    || account.state() == ProcessorAccount.State.RESTRICTED;
            return Optional.of(new AccountView(processor.get().displayName(), account, null,
                    submitted && processor.get().offersDashboardLink()));
        } catch (PaymentException e) {
            return Optional.of(new AccountView(processor.get().displayName(), null,
                    "The processor did not tell where the account stands: " + e.getMessage(), false));
        }
    }

    /**
     * Saves the fees, partial payments and exempt customers.
     *
     * @throws InvalidSettingException naming the field that is not valid; nothing is saved then
     */
    PaySettings save(PayActor actor, PaySettingsForm form) {
        PaySettings saved = settings(actor.tenantId());
        PaySettings changed = form.applyTo(saved);
        List<Long> exempt = form.exemptIds();
        try (SqlSession session = sessions.openSession(false)) {
            PayMapper mapper = session.getMapper(PayMapper.class);
            if (!exempt.isEmpty() && mapper.countCustomers(actor.tenantId(), exempt) != exempt.size()) {
                throw new InvalidSettingException("exempt", "Choose exempt customers from the list.");
            }
            mapper.saveSettings(changed);
            mapper.clearExemptions(actor.tenantId());
            if (!exempt.isEmpty()) {
                mapper.insertExemptions(actor.tenantId(), exempt);
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("cardSurchargePercent", changed.cardSurchargePercent());
            detail.put("operatorState", changed.operatorState());
            detail.put("texasSurchargeAllowed", changed.texasSurchargeAllowed());
            detail.put("customersAreBusinesses", changed.customersAreBusinesses());
            detail.put("bankFee", changed.bankFee());
            detail.put("bankDiscountPercent", changed.bankDiscountPercent());
            detail.put("partialPayments", changed.partialPayments());
            detail.put("partialMinimum", changed.partialMinimum());
            detail.put("exempt", exempt);
            audit(mapper, actor, "pay.settings_saved", detail);
            session.commit(true);
        } finally {
            checkout.settingsWritten();
        }
        return changed;
    }

    /**
     * Picks the processor among the running plugins. Another processor than before starts over: its account is not
     * connected yet, and Pay is off until it is ready.
     *
     * @throws InvalidSettingException for a name that is not a running processor plugin
     */
    PaySettings chooseProcessor(PayActor actor, String name) {
        if (name == null || !processors().containsKey(name)) {
            throw new InvalidSettingException("processor", "Choose one of the payment processors listed.");
        }
        PaySettings saved = settings(actor.tenantId());
        if (name.equals(saved.processor())) {
            return saved;
        }
        PaySettings changed = with(saved, false, name, null);
        write(actor, changed, "pay.processor_chosen", Map.of("processor", name));
        return changed;
    }

    /**
     * Starts or resumes onboarding with the chosen processor and keeps the account it names.
     *
     * @return where to send the admin's browser
     * @throws ProblemException 409 before a processor is picked, 503 when it is not running or does not answer
     */
    URI connect(PayActor actor, String businessName, String email, URI returnUri, URI refreshUri) {
        PaySettings saved = settings(actor.tenantId());
        if (saved.processor() == null) {
            throw new InvalidSettingException("processor", "Choose a payment processor first.");
        }
        PaymentProcessor processor = running(saved.processor());
        Onboarding onboarding;
        try {
            onboarding = processor.onboard(new OnboardingRequest(saved.processorAccountId(), businessName, email,
                    returnUri, refreshUri));
        } catch (PaymentException e) {
            throw e.retryable() ? ProblemException.unavailable("The payment processor did not answer. Try again in "
                    + "a moment.") : ProblemException.conflict("The payment processor refused: " + e.getMessage());
        }
        if (!onboarding.accountId().equals(saved.processorAccountId())) {
            write(actor, with(saved, saved.enabled(), saved.processor(), onboarding.accountId()), "pay.connected",
                    Map.of("processor", saved.processor(), "account", onboarding.accountId()));
        }
        return onboarding.redirectUri();
    }

    /**
     * Turns Pay on, only when the processor says the account can take payments now, or off.
     *
     * @throws ProblemException 409 with what the processor still needs when the account is not ready
     */
    PaySettings enable(PayActor actor, boolean on) {
        PaySettings saved = settings(actor.tenantId());
        if (on) {
            if (saved.processor() == null || saved.processorAccountId() == null) {
                throw ProblemException.conflict("Connect an account with a payment processor before turning Pay on.");
            }
            ProcessorAccount account;
            try {
                account = running(saved.processor()).account(saved.processorAccountId());
            } catch (PaymentException e) {
                throw ProblemException.unavailable("The payment processor did not say whether the account is "
                        + "ready. Try again in a moment.");
            }
            if (account.state() != ProcessorAccount.State.READY) {
                throw ProblemException.conflict("The account cannot take payments yet"
                        + (account.requirement() == null ? "." : ": " + account.requirement()));
            }
        }
        if (saved.enabled() == on) {
            return saved;
        }
        PaySettings changed = with(saved, on, saved.processor(), saved.processorAccountId());
        write(actor, changed, on ? "pay.enabled" : "pay.disabled", Map.of("processor", saved.processor() == null
                ? "" : saved.processor()));
        return changed;
    }

    /**
     * A fresh address that signs the admin in to the processor's dashboard for the connected account. Asked only when
     * the admin asks to go there: such addresses work once.
     *
     * @throws ProblemException 409 with the processor's refusal (its request id included) when there is no account
     *     or the processor refuses, 503 when it does not answer or is not running
     */
    URI dashboard(PayActor actor) {
        PaySettings saved = settings(actor.tenantId());
        if (saved.processor() == null || saved.processorAccountId() == null) {
            throw ProblemException.conflict("Connect an account with the payment processor first.");
        }
        try {
            return running(saved.processor()).dashboardLink(saved.processorAccountId());
        } catch (PaymentException e) {
            throw e.retryable() ? ProblemException.unavailable("The payment processor did not answer. Try again in "
                    + "a moment.") : ProblemException.conflict("The payment processor refused: " + e.getMessage());
        }
    }

    private PaymentProcessor running(String name) {
        return processors.apply(name).orElseThrow(() -> ProblemException.unavailable("The payment processor "
                + "plugin " + name + " is not running."));
    }

    private void write(PayActor actor, PaySettings settings, String action, Map<String, Object> detail) {
        try (SqlSession session = sessions.openSession(false)) {
            PayMapper mapper = session.getMapper(PayMapper.class);
            mapper.saveSettings(settings);
            audit(mapper, actor, action, detail);
            session.commit(true);
        } finally {
            checkout.settingsWritten();
        }
    }

    private static PaySettings with(PaySettings s, boolean enabled, String processor, String accountId) {
        return new PaySettings(s.tenantId(), enabled, processor, accountId, s.cardSurchargePercent(),
                s.operatorState(), s.texasSurchargeAllowed(), s.customersAreBusinesses(), s.bankFee(),
                s.bankDiscountPercent(), s.partialPayments(), s.partialMinimum());
    }

    private static void audit(PayMapper mapper, PayActor actor, String action, Map<String, Object> detail) {
        mapper.insertAudit(actor.tenantId(), actor.userId(), actor.label(), action, "Pay settings", json(detail));
    }

    /** A flat JSON object of strings, numbers, booleans and lists of numbers. */
    static String json(Map<String, Object> values) {
        return values.entrySet().stream().map(e -> quote(e.getKey()) + ":" + value(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PayAdmin::value).collect(Collectors.joining(",", "[", "]"));
        }
        return quote(value.toString());
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
