package io.portico.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OpenApiResourceTest {

    @Test
    void pathParametersAreNamedWithoutTheirPatterns() {
        assertEquals("records/{type}/{id}", OpenApiResource.withoutPatterns("records/{type}/{id: [0-9]{1,18}}"));
        assertEquals("a/{b}/c/{d}", OpenApiResource.withoutPatterns("a/{ b }/c/{d:.+}"));
        assertEquals("plain/path", OpenApiResource.withoutPatterns("plain/path"));
    }
}
