package io.portico.api.payment;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A prepared payment and what the browser needs to collect its payment method.
 *
 * <p>The checkout page loads {@link #scripts()} and renders one element carrying {@link #elementAttributes()} as
 * {@code data-} attributes; the processor's script mounts its form there and, once the payer has entered a payment
 * method, puts the resulting token into the form field named {@code methodToken} and submits the form. The page's
 * Content-Security-Policy is widened by exactly {@link #scriptSources()}, {@link #frameSources()} and
 * {@link #connectSources()} (a processor that serves its scripts from Portico itself names none); the form that pays
 * may also be answered with a redirect to a {@link #frameSources()} origin (a 3-D Secure challenge). Sources are
 * https origins only ({@code https://js.example.com}): anything else is refused.
 *
 * @param processorReference the processor's id of the prepared payment (e.g. a PaymentIntent id)
 * @param scripts the scripts to load, absolute or relative to the portal's root
 * @param elementAttributes the attributes the script reads (e.g. a publishable key, a client secret)
 * @param scriptSources origins to allow in {@code script-src}
 * @param frameSources origins to allow in {@code frame-src}
 * @param connectSources origins to allow in {@code connect-src}
 */
public record CheckoutSession(String processorReference, List<URI> scripts, Map<String, String> elementAttributes,
        List<String> scriptSources, List<String> frameSources, List<String> connectSources) {

    public CheckoutSession {
        scripts = List.copyOf(scripts);
        elementAttributes = Map.copyOf(elementAttributes);
        scriptSources = List.copyOf(scriptSources);
        frameSources = List.copyOf(frameSources);
        connectSources = List.copyOf(connectSources);
    }
}
