/**
 * Payment-processor plugins: onboarding, collecting and confirming payments for invoices, webhooks, refunds.
 *
 * <p>2.0.0: the real contract (1.0.0 had only a display name). The platform keeps the ledger, decides fees and
 * surcharges, and guarantees idempotency keys; a processor moves money and reports the processor's own truth.
 *
 * <p>2.1.0: {@code PaymentProcessor.fetchRefund}, for refunds that settle after they are asked.
 *
 * <p>2.3.0: {@code WebhookRequest.endpoint}, for processors with several webhook endpoints (Stripe's account and
 * Connect endpoints, each with its own signing secret); {@code PaymentProcessor.disputes} and {@code Dispute}.
 *
 * <p>2.4.0: {@code BankVerification} and {@code PaymentState.bankVerification}, {@code
 * PaymentProcessor.verifyBankAccount}: micro-deposits that prove a bank account entered by hand, entered on Portico's
 * own page; {@code PaymentProcessor.dashboardLink}, the processor's dashboard for the operator.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.4.0")
package io.portico.api.payment;
