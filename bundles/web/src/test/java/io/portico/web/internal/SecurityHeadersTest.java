package io.portico.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portico.api.web.ContentSecurityPolicy;

import java.lang.reflect.Proxy;
import java.util.List;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    private static MultivaluedMap<String, Object> filtered(MultivaluedMap<String, Object> headers) {
        ContainerResponseContext response = (ContainerResponseContext) Proxy.newProxyInstance(
                SecurityHeadersTest.class.getClassLoader(), new Class<?>[] {ContainerResponseContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getHeaders")) {
                        return headers;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        new SecurityHeaders().filter(null, response);
        return headers;
    }

    @Test
    void everyAnswerGetsTheSitePolicyAndIsNotCachedByDefault() {
        MultivaluedMap<String, Object> headers = filtered(new MultivaluedHashMap<>());
        assertEquals("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
                headers.getFirst("Content-Security-Policy"));
        assertEquals("no-store", headers.getFirst("Cache-Control"));
        assertEquals("nosniff", headers.getFirst("X-Content-Type-Options"));
    }

    @Test
    void aResourcesOwnStricterPolicyAndCachingStand() {
        MultivaluedMap<String, Object> own = new MultivaluedHashMap<>();
        own.putSingle("Content-Security-Policy", "sandbox; default-src 'none'");
        own.putSingle("Cache-Control", "max-age=300");
        MultivaluedMap<String, Object> headers = filtered(own);
        assertEquals("sandbox; default-src 'none'", headers.getFirst("Content-Security-Policy"));
        assertEquals("max-age=300", headers.getFirst("Cache-Control"));
    }

    @Test
    void aProcessorsPageAllowsExactlyTheOriginsItNames() {
        assertEquals("default-src 'self'; script-src 'self' https://js.stripe.com; style-src 'self'; "
                + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "frame-src 'self' https://js.stripe.com https://hooks.stripe.com; connect-src 'self' "
                + "https://api.stripe.com; form-action 'self' https://hooks.stripe.com",
                ContentSecurityPolicy.widened(List.of("https://js.stripe.com"),
                        List.of("https://js.stripe.com", "https://hooks.stripe.com"), List.of("https://api.stripe.com"),
                        List.of("https://hooks.stripe.com")));
        for (String bad : List.of("'unsafe-inline'", "*", "http://js.example.com", "https://js.example.com/x",
                "https://a.example.com; script-src *", "data:")) {
            assertThrows(IllegalArgumentException.class,
                    () -> ContentSecurityPolicy.widened(List.of(bad), List.of(), List.of(), List.of()), bad);
        }
    }
}
