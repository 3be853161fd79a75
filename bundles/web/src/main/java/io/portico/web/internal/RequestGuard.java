package io.portico.web.internal;

import io.portico.api.web.MultipartForm;
import io.portico.api.web.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.annotation.Priority;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.Provider;

/**
 * Refuses, before any resource sees them, requests that no resource could take: bodies over {@link #MAX_BODY_BYTES}
 * ({@link MultipartForm#MAX_BYTES} for an upload; read no further than the limit, whatever the body's declared length), an unparseable Content-Type, and control
 * characters in the path, a query parameter or a form field (PostgreSQL cannot store a NUL, and no value of
 * Portico's has a use for the others). Each refusal names what was wrong.
 */
@Provider
@PreMatching
@Priority(100)
final class RequestGuard implements ContainerRequestFilter {

    /** No form or JSON document of Portico's is anywhere near this. */
    static final int MAX_BODY_BYTES = 64 * 1024;


    @Override
    public void filter(ContainerRequestContext request) {
        checkText("The address", request.getUriInfo().getPath(true));
        MultivaluedMap<String, String> query;
        try {
            query = request.getUriInfo().getQueryParameters(true);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The address's query is not properly encoded.");
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            checkText("The name of a query parameter", parameter.getKey());
            for (String value : parameter.getValue()) {
                checkText("Query parameter '" + parameter.getKey() + "'", value);
            }
        }
        MediaType type = mediaType(request);
        int limit = MultipartForm.isMultipart(request.getHeaderString(HttpHeaders.CONTENT_TYPE))
                ? MultipartForm.MAX_BYTES : MAX_BODY_BYTES;
        if (request.getLength() > limit) {
            throw tooLarge(limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit));
            if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
                checkForm(request);
            }
        }
    }

    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static void checkText(String what, String text) {
        if (text != null && hasControlCharacter(text)) {
            throw ProblemException.badRequest(what + " holds a control character.");
        }
    }

    private static MediaType mediaType(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(415, "Unsupported Media Type",
                    "The request's Content-Type is not a media type; send application/json or a form.");
        }
    }

    /** Reads the form (bounded), checks every field, and puts it back for the resource. */
    private static void checkForm(ContainerRequestContext request) {
        byte[] body;
        try (InputStream in = request.getEntityStream()) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            checkText("The name of a form field", name);
            checkText("Form field '" + name + "'", eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The form is not properly encoded.");
        }
    }

    private static ProblemException tooLarge(int limit) {
        return ProblemException.tooLarge("The request body is larger than " + limit / 1024 + " KB.");
    }

    /** Fails the read that would pass the limit, so a body without a (truthful) length is not read whole. */
    private static final class Bounded extends FilterInputStream {

        private final int limit;
        private long remaining;

        Bounded(InputStream in, int limit) {
            super(in);
            this.limit = limit;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --remaining < 0) {
                throw tooLarge(limit);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, (int) Math.min(length, Math.max(remaining + 1, 1)));
            if (n > 0 && (remaining -= n) < 0) {
                throw tooLarge(limit);
            }
            return n;
        }
    }
}
