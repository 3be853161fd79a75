package io.portico.pay.internal;

import io.portico.api.web.ProblemException;
import java.util.UUID;
import java.util.function.Supplier;

/** What Pay's console commands share: a refusal becomes the exception Karaf turns into a failing exit code. */
final class PayShell {

    private PayShell() {
    }

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ProblemException e) {
            throw new IllegalArgumentException(e.detail());
        }
    }

    static UUID id(String value) {
        return call(() -> PaymentsAccess.id(value));
    }
}
