package io.portico.web.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ExtendedUriInfo;

/**
 * Times every JAX-RS request into a Prometheus histogram labelled by method, route template (not the raw path, so
 * ids do not multiply the series) and status.
 */
@Provider
final class HttpMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    static final double[] BUCKETS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final String START = HttpMetrics.class.getName() + ".start";

    record Series(String method, String route, int status) {
    }

    static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                }
            }
            count.increment();
            sum.add(seconds);
        }
    }

    private final Map<Series, Histogram> series = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object start = request.getProperty(START);
        if (start instanceof Long nanos) {
            double seconds = (System.nanoTime() - nanos) / 1e9;
            Series key = new Series(request.getMethod(), route(request.getUriInfo()), response.getStatus());
            series.computeIfAbsent(key, k -> new Histogram()).observe(seconds);
        }
    }

    Map<Series, Histogram> snapshot() {
        return Collections.unmodifiableMap(series);
    }

    private static String route(UriInfo uri) {
        List<String> parts = new ArrayList<>();
        if (!(uri instanceof ExtendedUriInfo extended)) {
            return "unknown";
        }
        extended.getMatchedTemplates().forEach(t -> parts.add(0, t.getTemplate()));
        if (parts.isEmpty()) {
            return "unmatched";
        }
        String route = String.join("", parts).replaceAll("//+", "/");
        return route.startsWith("/") ? route : "/" + route;
    }
}
