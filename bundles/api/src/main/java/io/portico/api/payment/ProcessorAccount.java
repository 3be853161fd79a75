package io.portico.api.payment;

import java.util.Set;

/**
 * The operator's account with a processor.
 *
 * @param accountId the processor's id of the account, or {@code null} when not connected
 * @param state how far onboarding has come
 * @param methods the payment methods the account can take now (empty unless {@link State#READY})
 * @param businessState the account's business address's US state or territory (two letters, e.g. {@code CO}), or
 *     {@code null} when unknown or outside the US; it feeds the surcharge rules
 * @param requirement what the processor still needs from the operator, in words an admin can act on, or {@code null}
 */
public record ProcessorAccount(String accountId, State state, Set<PaymentMethodKind> methods, String businessState,
        String requirement) {

    public ProcessorAccount {
        methods = Set.copyOf(methods);
    }

    /** The account's state. */
    public enum State {
        /** No account yet. */
        NOT_CONNECTED,
        /** Created, but details are still due before it can take payments. */
        ONBOARDING,
        /** The processor has restricted it (for example a verification failed): see the requirement. */
        RESTRICTED,
        /** It can take payments. */
        READY
    }
}
