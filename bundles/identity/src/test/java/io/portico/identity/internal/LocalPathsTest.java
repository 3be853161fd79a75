package io.portico.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LocalPathsTest {

    @Test
    void keepsLocalPathsAsTheyAre() {
        assertEquals("/account?tab=mfa#codes", LocalPaths.orRoot("/account?tab=mfa#codes"));
        assertEquals("/a%20b", LocalPaths.orRoot("/a%20b"));
    }

    @Test
    void sendsOtherSitesAndControlCharactersToTheRoot() {
        for (String next : new String[] {null, "", "https://evil.example", "//evil.example", "/\\evil.example",
                "/a\u0000b", "/a\nb", "relative", "/" + "a".repeat(600)}) {
            assertEquals("/", LocalPaths.orRoot(next), String.valueOf(next));
        }
    }

    @Test
    void encodesWhatAUrlCannotHoldSoTheRedirectAlwaysWorks() {
        assertEquals("/a%20b", LocalPaths.orRoot("/a b"));
        assertEquals("/100%25", LocalPaths.orRoot("/100%"));
        assertEquals("/%25zz", LocalPaths.orRoot("/%zz"));
        assertEquals("/a%7Cb%3Cc%22d%7Be%7D", LocalPaths.orRoot("/a|b<c\"d{e}"));
        assertEquals("/caf%C3%A9/%F0%9F%98%80", LocalPaths.orRoot("/café/😀"));
        for (String next : new String[] {"/a b", "/%", "/|", "/<", "/\"", "/{", "/[x]", "/^`"}) {
            String path = LocalPaths.orRoot(next);
            assertDoesNotThrow(() -> URI.create(path), path);
        }
    }
}
