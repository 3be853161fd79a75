package io.portico.api.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code multipart/form-data} body (an HTML form with a file input), read whole: browsers send it for uploads, which
 * must work without JavaScript. The platform lets such bodies grow to {@link #MAX_BYTES} (other bodies stop at 64
 * KB); a resource limits each file further and answers 413 naming it. Text fields holding a control character are
 * refused with 400, as for URL-encoded forms.
 *
 * @since 1.5
 */
public final class MultipartForm {

    /** The largest multipart body the platform reads. */
    public static final int MAX_BYTES = 512 * 1024;

    private final List<Part> parts;

    private MultipartForm(List<Part> parts) {
        this.parts = parts;
    }

    /**
     * @param name the form field's name
     * @param filename the file's name as the browser sent it, {@code null} for a text field
     * @param contentType the part's declared type, {@code null} when none was sent
     * @param bytes the part's content
     */
    public record Part(String name, String filename, String contentType, byte[] bytes) {
    }

    /** Whether a request with this Content-Type header is a multipart form. */
    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * @param contentType the request's Content-Type header
     * @throws ProblemException 415 when the type is not {@code multipart/form-data} with a boundary, 400 when the
     *         body is not well formed
     */
    public static MultipartForm parse(String contentType, byte[] body) {
        String boundary = isMultipart(contentType) ? parameter(contentType, "boundary") : null;
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw new ProblemException(415, "Unsupported Media Type",
                    "Send this form as multipart/form-data, as a browser does.");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw malformed();
        }
        at += delimiter.length;
        List<Part> parts = new ArrayList<>();
        while (true) {
            if (startsWith(body, at, "--")) {
                return new MultipartForm(parts);
            }
            if (!startsWith(body, at, "\r\n")) {
                throw malformed();
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), at + 2);
            int end = headersEnd < 0 ? -1 : indexOf(body, next, headersEnd + 4);
            if (end < 0) {
                throw malformed();
            }
            parts.add(part(new String(body, at + 2, headersEnd - at - 2, StandardCharsets.UTF_8),
                    Arrays.copyOfRange(body, headersEnd + 4, end)));
            at = end + next.length;
        }
    }

    /** The first text field of that name, or {@code null}. */
    public String field(String name) {
        for (Part part : parts) {
            if (part.name().equals(name) && part.filename() == null) {
                String text = new String(part.bytes(), StandardCharsets.UTF_8);
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                        throw ProblemException.badRequest("Form field '" + name + "' holds a control character.");
                    }
                }
                return text;
            }
        }
        return null;
    }

    /** The file chosen in that file input; empty when none was chosen (browsers then send an empty part). */
    public Optional<Part> file(String name) {
        return parts.stream().filter(p -> p.name().equals(name) && p.filename() != null && p.bytes().length > 0)
                .findFirst();
    }

    private static Part part(String headers, byte[] content) {
        String name = null;
        String filename = null;
        String contentType = null;
        for (String header : headers.split("\r\n")) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                throw malformed();
            }
            String key = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (key.equals("content-disposition")) {
                name = parameter(value, "name");
                filename = parameter(value, "filename");
            } else if (key.equals("content-type")) {
                contentType = value.toLowerCase(Locale.ROOT);
            }
        }
        if (name == null) {
            throw malformed();
        }
        return new Part(name, filename, contentType, content);
    }

    /** A quoted (or bare) parameter of a Content-Disposition or Content-Type header, as browsers write it. */
    private static String parameter(String header, String parameter) {
        for (String piece : header.split(";")) {
            String p = piece.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(parameter)) {
                String value = p.substring(eq + 1).trim();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] body, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return at + bytes.length <= body.length
                && Arrays.equals(body, at, at + bytes.length, bytes, 0, bytes.length);
    }

    private static int indexOf(byte[] body, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= body.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (body[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static ProblemException malformed() {
        return ProblemException.badRequest("The form is not properly encoded as multipart/form-data.");
    }
}
