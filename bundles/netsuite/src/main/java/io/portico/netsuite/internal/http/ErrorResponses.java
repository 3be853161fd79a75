package io.portico.netsuite.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portico.netsuite.NetSuiteException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NetSuite's error bodies: {@code {"title", "status", "o:errorDetails": [{"detail", "o:errorCode",
 * "o:errorPath"}]}}, the OAuth token endpoint's {@code {"error", "error_description"}}, a RESTlet's SuiteScript error
 * {@code {"error": {"code", "message"}}}, and - tolerantly - bodies that are not valid JSON (Oracle's own 429 example
 * is not).
 */
final class ErrorResponses {

    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int MAX_TEXT_DETAIL = 300;
    private static final Pattern ERROR_CODE = Pattern.compile("\"o:errorCode\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"([^\"]*)\"");

    private ErrorResponses() {
    }

    static NetSuiteException toException(ApiRequest request, int status, byte[] body, ObjectMapper json) {
        String text = new String(body, StandardCharsets.UTF_8).trim();
        JsonNode root = readJson(text, json);
        if (root != null && root.isObject()) {
            return fromJson(request, status, root);
        }
        return fromText(request, status, text);
    }

    private static NetSuiteException fromJson(ApiRequest request, int status, JsonNode root) {
        JsonNode first = root.path("o:errorDetails").path(0);
        if (first.isObject()) {
            return new NetSuiteException(request.describe(), status, text(first, "o:errorCode"),
                    text(first, "detail"), text(first, "o:errorPath"), null);
        }
        JsonNode scriptError = root.path("error");
        if (scriptError.isObject()) {
            return new NetSuiteException(request.describe(), status, text(scriptError, "code"),
                    text(scriptError, "message"), null, null);
        }
        if (root.hasNonNull("error")) {
            return new NetSuiteException(request.describe(), status, text(root, "error"),
                    text(root, "error_description"), null, null);
        }
        return new NetSuiteException(request.describe(), status, text(root, "o:errorCode"),
                root.hasNonNull("detail") ? text(root, "detail") : text(root, "title"), null, null);
    }

    private static NetSuiteException fromText(ApiRequest request, int status, String text) {
        String detailsPart = text.contains("o:errorDetails") ? text.substring(text.indexOf("o:errorDetails")) : text;
        String code = firstGroup(ERROR_CODE, detailsPart);
        String detail = firstGroup(DETAIL, detailsPart);
        if (detail == null && !text.isEmpty()) {
            detail = text.length() > MAX_TEXT_DETAIL ? text.substring(0, MAX_TEXT_DETAIL) + "..." : text;
        }
        return new NetSuiteException(request.describe(), status, code, detail, null, null);
    }

    private static JsonNode readJson(String text, ObjectMapper json) {
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String firstGroup(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
