package io.portico.identity.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/** Where a browser may be sent after signing in: only paths on this server. */
public final class LocalPaths {

    /** What a path, query and fragment may hold as it is (RFC 3986); anything else is percent-encoded. */
    private static final String URI_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "-._~:/?#@!$&'()*+,;=";
    private static final String HEX = "0123456789ABCDEF";

    private LocalPaths() {
    }

    /**
     * The path if it is local, else {@code /}: a crafted link must not send the person to another site
     * ({@code //evil.example} and {@code /\evil.example} are other sites to a browser). Characters a URL cannot
     * hold ({@code /a b}, a lone {@code %}, {@code <}) are percent-encoded, so that any link still signs a person in.
     */
    public static String orRoot(String next) {
        if (next == null || next.isEmpty() || next.length() > 500 || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        String encoded = encodeIllegal(next);
        try {
            URI uri = new URI(encoded);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? encoded : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }

    private static String encodeIllegal(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (URI_CHARACTERS.indexOf(c) >= 0 || c == '%' && isEscape(path, i)) {
                out.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < path.length() ? i + 2 : i + 1;
                for (byte b : path.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    private static boolean isEscape(String path, int percent) {
        return percent + 2 < path.length() && HEX.indexOf(Character.toUpperCase(path.charAt(percent + 1))) >= 0
                && HEX.indexOf(Character.toUpperCase(path.charAt(percent + 2))) >= 0;
    }
}
