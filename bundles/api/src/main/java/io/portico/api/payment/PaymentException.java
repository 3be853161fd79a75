package io.portico.api.payment;

/** A processor call that did not get an answer about the payment itself (a decline is a state, not this). */
public class PaymentException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Kind kind;

    public PaymentException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public PaymentException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the same call may succeed later (the processor was unreachable or busy). */
    public boolean retryable() {
        return kind == Kind.UNAVAILABLE;
    }

    /** Why a call failed. */
    public enum Kind {
        /** The processor could not be reached or answered with a transient error: retry with the same key. */
        UNAVAILABLE,
        /** The processor refused the request (invalid, unknown id, misconfigured account): a retry will not help. */
        REJECTED,
        /** A webhook whose signature or timestamp does not check out. */
        FORGED
    }
}
