package io.portico.documents.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** File names for downloads that no browser or file system misreads. */
final class FileNames {

    private FileNames() {
    }

    /** The name without path separators, quotes, control characters or anything a file system reserves. */
    static String safe(String name) {
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> safe.appendCodePoint(
                Character.isISOControl(c) || "/\\\"'<>:|?*".indexOf(c) >= 0 ? '_' : c));
        String stripped = safe.toString().strip();
        return stripped.isEmpty() || stripped.chars().allMatch(c -> c == '.') ? "document" : stripped;
    }

    /**
     * A {@code Content-Disposition}: an ASCII fallback name and the exact (made safe) name in RFC 5987 form.
     *
     * @param inline whether the browser may show it itself (PDFs, images) rather than save it
     */
    static String disposition(String name, boolean inline) {
        String safe = safe(name);
        StringBuilder ascii = new StringBuilder();
        for (char ch : safe.toCharArray()) {
            ascii.append(ch >= 0x20 && ch < 0x7f ? ch : '_');
        }
        String encoded = URLEncoder.encode(safe, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
