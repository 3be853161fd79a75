package io.portico.pay.internal;

import io.portico.api.payment.PaymentMethodDetails;
import io.portico.api.payment.PaymentMethodKind;
import io.portico.api.web.Formats;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A payment as its pages show it: amounts formatted for the reader, statuses in words. */
final class PaymentView {

    private PaymentView() {
    }

    static Map<String, Object> of(Payment payment, List<Allocation> allocations, Formats amounts) {
        String currency = payment.currency();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", payment.publicId().toString());
        view.put("href", "/pay/" + payment.publicId());
        view.put("status", status(payment.status()));
        view.put("pill", pill(payment.status()));
        view.put("invoices", allocations.stream().map(a -> Map.of(
                "number", a.invoiceNumber() == null ? String.valueOf(a.invoiceNetsuiteId()) : a.invoiceNumber(),
                "href", "/records/invoice/" + a.invoiceNetsuiteId(),
                "amount", amounts.money(a.amount(), currency))).toList());
        view.put("invoicesAmount", amounts.money(payment.invoicesAmount(), currency));
        view.put("surcharge", positive(payment.surcharge()) ? amounts.money(payment.surcharge(), currency) : null);
        view.put("bankFee", positive(payment.bankFee()) ? amounts.money(payment.bankFee(), currency) : null);
        view.put("bankDiscount", positive(payment.bankDiscount()) ? amounts.money(payment.bankDiscount(), currency)
                : null);
        view.put("total", amounts.money(payment.total(), currency));
        view.put("method", method(payment.methodKind(), null, payment.methodLast4()));
        view.put("failureReason", payment.failureReason() == null ? "" : payment.failureReason());
        view.put("bank", "us_bank_account".equals(payment.methodKind()));
        view.put("verifyingBank", "us_bank_account".equals(payment.methodKind())
                && "requires_action".equals(payment.status()));
        return view;
    }

    static Map<String, Object> review(Checkout.Review review, Formats amounts) {
        String currency = review.payment().currency();
        FeeDecision fees = review.fees();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("method", method(review.method().kind() == PaymentMethodKind.CARD ? "card" : "us_bank_account",
                review.method(), review.method().last4()));
        view.put("surcharge", positive(fees.surcharge().amount()) ? amounts.money(fees.surcharge().amount(), currency)
                : null);
        view.put("surchargePercent", fees.surchargePercent().stripTrailingZeros().toPlainString());
        view.put("bankFee", positive(fees.bankFee().amount()) ? amounts.money(fees.bankFee().amount(), currency)
                : null);
        view.put("bankDiscount", positive(fees.bankDiscount().amount())
                ? amounts.money(fees.bankDiscount().amount(), currency) : null);
        view.put("reason", fees.reason() == null ? "" : fees.reason());
        view.put("total", amounts.money(review.total().amount(), currency));
        view.put("bank", review.method().kind() == PaymentMethodKind.US_BANK_ACCOUNT);
        return view;
    }

    private static String method(String kind, PaymentMethodDetails details, String last4) {
        if (kind == null) {
            return "";
        }
        String digits = last4 == null ? "" : " ending in " + last4;
        if ("us_bank_account".equals(kind)) {
            return "Bank account" + digits;
        }
        String brand = details == null || details.brand() == null ? "Card"
                : details.brand().substring(0, 1).toUpperCase(Locale.ROOT) + details.brand().substring(1);
        String funding = details == null ? "" : switch (details.funding()) {
            case CREDIT -> " credit card";
            case DEBIT -> " debit card";
            case PREPAID -> " prepaid card";
            case UNKNOWN -> " card";
        };
        return brand + funding + digits;
    }

    static String status(String status) {
        return switch (status) {
            case "created" -> "Not paid yet";
            case "confirming" -> "Being confirmed";
            case "requires_action" -> "Waiting for your bank's check";
            case "processing" -> "Processing";
            case "succeeded" -> "Paid";
            case "failed" -> "Failed";
            case "canceled" -> "Canceled";
            case "refunded" -> "Refunded";
            case "partially_refunded" -> "Partially refunded";
            case "disputed" -> "Disputed";
            default -> status;
        };
    }

    static String pill(String status) {
        return switch (status) {
            case "succeeded" -> "pill-paid";
            case "processing", "confirming", "requires_action" -> "pill-processing";
            case "failed", "disputed" -> "pill-overdue";
            case "partially_refunded" -> "pill-partial";
            default -> "pill-neutral";
        };
    }

    private static boolean positive(BigDecimal amount) {
        return amount != null && amount.signum() > 0;
    }
}
