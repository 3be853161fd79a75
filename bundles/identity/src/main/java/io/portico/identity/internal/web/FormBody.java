package io.portico.identity.internal.web;

import io.portico.api.web.MultipartForm;
import io.portico.api.web.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.HttpHeaders;

/**
 * Reads a form body (URL-encoded, or multipart for an upload) once, up to a size limit, and puts it back for the
 * resource: lets a filter see a form field (the CSRF token) without consuming the body, and refuses oversized forms
 * before anyone parses them.
 */
final class FormBody {

    /** No form of Portico's is anywhere near this; larger bodies are refused with 413. */
    static final int MAX_BYTES = 64 * 1024;

    private FormBody() {
    }

    /** The first value of a field, or {@code null}; the entity stream is replaced so the resource reads it anew. */
    static String field(ContainerRequestContext request, String name) {
        byte[] body = read(request.getEntityStream(), MAX_BYTES);
        request.setEntityStream(new ByteArrayInputStream(body));
        String text = new String(body, StandardCharsets.US_ASCII);
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(key).equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    /** The first text field of that name in a multipart form, or {@code null}; the resource reads the body anew. */
    static String multipartField(ContainerRequestContext request, String name) {
        byte[] body = read(request.getEntityStream(), MultipartForm.MAX_BYTES);
        request.setEntityStream(new ByteArrayInputStream(body));
        return MultipartForm.parse(request.getHeaderString(HttpHeaders.CONTENT_TYPE), body).field(name);
    }

    private static byte[] read(InputStream in, int limit) {
        try (in) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw ProblemException.tooLarge("The form is larger than " + limit / 1024 + " KB.");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The form is not properly encoded.");
        }
    }
}
