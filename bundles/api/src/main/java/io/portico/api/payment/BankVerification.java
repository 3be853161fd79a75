package io.portico.api.payment;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A bank account the payer entered by hand must be proven theirs before the debit goes ahead: the processor has sent
 * micro-deposits to it, and the payer reads them off their statement.
 *
 * @param kind what the payer reads off their statement
 * @param arrivesBy when the micro-deposits should be on the statement, if the processor says
 * @param processorPage the processor's own page for entering them, an alternative to Portico's; may be {@code null}
 * @since 2.4
 */
public record BankVerification(Kind kind, Instant arrivesBy, URI processorPage) {

    public BankVerification {
        Objects.requireNonNull(kind, "kind");
    }

    /** What the micro-deposits carry. */
    public enum Kind {
        /** One deposit whose statement descriptor holds a 6-character code starting with {@code SM}. */
        DESCRIPTOR_CODE,
        /** Two deposits of less than a dollar each, whose amounts the payer enters. */
        AMOUNTS
    }

    /**
     * What the payer read: the descriptor code, or the two amounts in minor units (cents), whichever
     * {@link BankVerification#kind()} asks for.
     *
     * @param descriptorCode the code for {@link Kind#DESCRIPTOR_CODE}, otherwise {@code null}
     * @param amounts the two amounts in cents for {@link Kind#AMOUNTS}, otherwise empty
     */
    public record Answer(String descriptorCode, List<Long> amounts) {

        public Answer {
            amounts = List.copyOf(amounts);
        }

        /** The descriptor code of the one deposit. */
        public static Answer code(String descriptorCode) {
            return new Answer(Objects.requireNonNull(descriptorCode, "descriptorCode"), List.of());
        }

        /** The amounts of the two deposits, in cents. */
        public static Answer amounts(long first, long second) {
            return new Answer(null, List.of(first, second));
        }
    }
}
