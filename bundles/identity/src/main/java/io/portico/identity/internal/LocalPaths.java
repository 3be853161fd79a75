package io.portico.identity.internal;

/** Where a browser may be sent after signing in: only paths on this server. */
public final class LocalPaths {

    private LocalPaths() {
    }

    /**
     * The path if it is local, else {@code /}: a crafted link must not send the person to another site
     * ({@code //evil.example} and {@code /\evil.example} are other sites to a browser).
     */
    public static String orRoot(String next) {
        if (next == null || next.isEmpty() || next.length() > 500 || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
