package io.portico.netsuite.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portico.netsuite.NetSuiteException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    private static final ApiRequest REQUEST = ApiRequest.json("POST",
            URI.create("https://123456.suitetalk.api.netsuite.com/services/rest/record/v1/invoice?x=1"), new byte[0],
            false);

    @Test
    void netSuiteErrorDetailsAreCarried() {
        NetSuiteException e = parse(400, "{\"type\":\"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1\","
                + "\"title\":\"Bad Request\",\"status\":400,\"o:errorDetails\":[{\"detail\":\"Invalid value for "
                + "the resource or sub-resource field 'item'.\",\"o:errorPath\":\"item.items[0].item\","
                + "\"o:errorCode\":\"INVALID_CONTENT\"}]}");
        assertEquals(400, e.status());
        assertEquals("INVALID_CONTENT", e.errorCode());
        assertEquals("item.items[0].item", e.errorPath());
        assertEquals("POST /services/rest/record/v1/invoice failed: HTTP 400 INVALID_CONTENT: Invalid value for the "
                + "resource or sub-resource field 'item'. (at item.items[0].item)", e.getMessage());
    }

    /** Oracle's documented 429 example is not valid JSON; its code is found anyway. */
    @Test
    void invalidJsonStillYieldsTheErrorCode() {
        NetSuiteException e = parse(429, "{\"type\":\"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1\","
                + "\"title\":\"Bad Request\",\"status\":429,\"o:errorCode\":\"USER_ERROR\" \"o:errorDetails\":["
                + "{\"detail\":\"Concurrent request limit exceeded. Request blocked.\",\"o:errorCode\":"
                + "\"CONCURRENCY_LIMIT_EXCEEDED\"}]}");
        assertEquals("CONCURRENCY_LIMIT_EXCEEDED", e.errorCode());
        assertEquals("Concurrent request limit exceeded. Request blocked.", e.detail());
    }

    @Test
    void oauthErrorsAndPlainTextAreUnderstood() {
        NetSuiteException oauth = parse(400, "{\"error\":\"invalid_grant\",\"error_description\":\"expired\"}");
        assertEquals("invalid_grant", oauth.errorCode());
        assertEquals("expired", oauth.detail());

        NetSuiteException text = parse(502, "Bad Gateway");
        assertNull(text.errorCode());
        assertEquals("Bad Gateway", text.detail());
    }

    private static NetSuiteException parse(int status, String body) {
        return ErrorResponses.toException(REQUEST, status, body.getBytes(StandardCharsets.UTF_8), new ObjectMapper());
    }
}
