package io.portico.oidc.internal.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReturnToTest {

    @Test
    void keepsLocalPaths() {
        assertEquals("/invoices?status=open#top", ReturnTo.sanitize("/invoices?status=open#top"));
        assertEquals("/", ReturnTo.sanitize("/"));
    }

    @Test
    void refusesAnythingThatCouldLeaveTheServer() {
        for (String evil : new String[] {null, "", "https://evil.example.com/", "//evil.example.com/",
                "/\\evil.example.com", "\\\\evil.example.com", "invoices", "/x\r\nSet-Cookie: a=b", "/" + "a".repeat(2001)}) {
            assertEquals("/", ReturnTo.sanitize(evil), String.valueOf(evil));
        }
    }
}
