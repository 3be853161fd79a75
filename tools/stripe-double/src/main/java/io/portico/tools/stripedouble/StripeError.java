package io.portico.tools.stripedouble;

import com.google.gson.JsonObject;

/** An error answer in Stripe's shape: {@code {"error": {"type", "code", "message", "param", …}}} and its status. */
final class StripeError extends Exception {

    private static final long serialVersionUID = 1L;

    final int status;
    final transient JsonObject error;

    StripeError(int status, String type, String code, String message, String param) {
        super(message);
        this.status = status;
        this.error = new JsonObject();
        error.addProperty("type", type);
        if (code != null) {
            error.addProperty("code", code);
            error.addProperty("doc_url", "https://docs.stripe.com/error-codes/" + code.replace('_', '-'));
        }
        error.addProperty("message", message);
        if (param != null) {
            error.addProperty("param", param);
        }
    }

    static StripeError invalid(String param, String message) {
        return new StripeError(400, "invalid_request_error", null, message, param);
    }

    static StripeError missing(String param) {
        return new StripeError(400, "invalid_request_error", "parameter_missing",
                "Missing required param: " + param + ".", param);
    }

    static StripeError noSuch(String kind, String param, String id) {
        return new StripeError(404, "invalid_request_error", "resource_missing",
                "No such " + kind + ": '" + id + "'", param);
    }

    static StripeError unexpectedState(String what, String status) {
        return new StripeError(400, "invalid_request_error", "payment_intent_unexpected_state",
                "You cannot " + what + " this PaymentIntent because it has a status of " + status + ".", null);
    }

    JsonObject body() {
        JsonObject body = new JsonObject();
        body.add("error", error);
        return body;
    }
}
