package io.portico.plugins.paysandbox.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The sandbox's tables (V610, V608). */
interface SandboxMapper {

    String secret();

    /** Stores a generated secret unless another node stored one first. */
    int insertSecret(String secret);

    int insertAccount(Rows.Account account);

    Rows.Account account(String id);

    int updateReturnUri(@Param("id") String id, @Param("returnUri") String returnUri);

    int finishOnboarding(@Param("id") String id, @Param("businessState") String businessState);

    int insertMethod(@Param("m") Rows.Method method, @Param("now") Instant now);

    /** A payment method; with {@code now}, only if entered within the day before (older tokens have expired). */
    Rows.Method method(@Param("id") String id, @Param("now") Instant now);

    int insertPayment(Rows.Payment payment);

    Rows.Payment payment(String id);

    /** The payment, locked until the transaction ends. */
    Rows.Payment lockPayment(String id);

    int updatePayment(@Param("p") Rows.Payment payment, @Param("now") Instant now);

    /** Bank debits whose outcome is due, locked; those another node is settling are skipped. */
    List<String> duePayments(@Param("now") Instant now, @Param("limit") int limit);

    int insertRefund(@Param("id") String id, @Param("paymentId") String paymentId,
            @Param("amountMinor") long amountMinor, @Param("reason") String reason);

    /** A refund pending until {@code settleAt}. */
    int insertRefundState(@Param("id") String refundId, @Param("settleAt") Instant settleAt);

    /** A refund with its state (refunds made before V608 settled at once). */
    Rows.Refund refund(String id);

    /** What the payment's pending refunds add up to: it counts against what is left to refund. */
    long pendingRefundsMinor(String paymentId);

    /** Pending refunds whose settlement is due, locked; those another node is settling are skipped. */
    List<String> dueRefunds(@Param("now") Instant now, @Param("limit") int limit);

    int refundSettled(@Param("id") String refundId, @Param("status") String status, @Param("now") Instant now);

    /** Claims an idempotency key: 1 when this call is the first, 0 when an answer exists (waits for it). */
    int claimKey(@Param("operation") String operation, @Param("key") String key,
            @Param("fingerprint") String fingerprint);

    Rows.Answer answer(@Param("operation") String operation, @Param("key") String key);

    int saveAnswer(Rows.Answer answer);

    int insertEvent(@Param("e") Rows.Event event, @Param("now") Instant now);

    /** Events due for (another) delivery attempt, locked; those another node is sending are skipped. */
    List<Rows.Event> dueEvents(@Param("now") Instant now, @Param("limit") int limit);

    int eventDelivered(@Param("id") String id, @Param("now") Instant now);

    int eventFailed(@Param("id") String id, @Param("nextAttemptAt") Instant nextAttemptAt,
            @Param("abandoned") boolean abandoned, @Param("now") Instant now, @Param("error") String error);
}
