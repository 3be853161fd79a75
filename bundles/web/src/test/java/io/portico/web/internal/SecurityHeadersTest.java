package io.portico.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
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
        assertEquals(SecurityHeaders.CSP, headers.getFirst("Content-Security-Policy"));
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
}
