package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.portico.api.db.Database;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organizations;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The input sweep: every endpoint the server describes in {@code /api/openapi.json} right now (the JSON API and the
 * pages; endpoints added later are swept too) gets, in every path segment, query parameter, form field and JSON
 * property it declares, the values an attacker or a careless user sends — control characters, overlong text,
 * numbers at and beyond the integer limits, illegal URL characters, markup — and, as a whole, malformed, deeply
 * nested and oversized bodies, wrong and missing content types and duplicated parameters; as an anonymous visitor, a
 * customer's administrator and an operator's administrator. No answer may be a 5xx, name a Java class or package,
 * carry a stack trace, or be anything but Portico's own problem answer or branded page; and no refused request may
 * change what the database holds.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InputSweepIT extends PorticoTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    /** Requests that end the sweeping user's own session: sweeping them would only sign the user out. */
    private static final Pattern OWN_SESSION = Pattern.compile("sign-out|^DELETE /api/sessions?(/|$)");
    private static final Pattern JAVA_NAME = Pattern.compile("(?<![\\w/.-])(java|javax|jakarta|io\\.portico"
            + "|org\\.(glassfish|eclipse|apache|postgresql|osgi|mybatis|ops4j|flywaydb)|com\\.(fasterxml|zaxxer))"
            + "\\.[a-z]\\w*|\\b[A-Z]\\w*(Exception|Error)\\b|\\$[A-Z]\\w+|\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)");
    /** Control characters and encoded path separators: Jetty refuses both as ambiguous before routing. */
    private static final Pattern CONTROL_IN_PATH = Pattern.compile("%(0[0-9A-F]|1[0-9A-F]|7F|2F|5C)",
            Pattern.CASE_INSENSITIVE);
    /** What a careless user or an attacker types into a single value. */
    private static final List<String> VALUES = List.of("\u0000", "a\u0000b", "\u0001\u001b[31m", "\u007f",
            "x".repeat(3000), "2147483647", "2147483648", "-2147483649", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "1e309", "-1", "0", "NaN", "abc", "", " ", "%", "%zz",
            "|", "<script>alert(1)</script>", "\"", "{", "}", "[]", "a b", "../../etc/passwd", "'; DROP TABLE x; --",
            "\uFFFF", "2026-02-30", "😀");
    /** JSON values of the wrong kind, or beyond what a number can hold, for a JSON property. */
    private static final List<String> RAW_JSON = List.of("null", "true", "{}", "[]", "[[[[[[[[[[]]]]]]]]]]",
            "{\"a\":{\"b\":[1,{\"c\":null}]}}", "1e400", "-1e400", "99999999999999999999999999",
            "-99999999999999999999999999", "0.000000000000000000000000001", "-1", "2147483648");
    /** Whole bodies that no endpoint takes. */
    private static final List<String> BODIES = List.of("", "{", "}", "[", "null", "\"\\u0000\"", "{\"a\":\"\\u0000\"}",
            "[".repeat(60_000), "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000), "{\"x\":\"" + "y".repeat(200_000)
                    + "\"}", "\u0000\u0000", "<xml/>");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/json; charset=klingon",
            "foo", "application/", ";;;", "multipart/form-data", "application/x-www-form-urlencoded");
    /** Tables that record activity rather than state (sessions, the audit trail, heartbeats, sync bookkeeping). */
    private static final Set<String> ACTIVITY_TABLES = Set.of("http_session", "audit_log", "node",
            "sso_pending_login", "sync_run", "sync_error", "sync_lease", "sync_state", "sync_cursor",
            "sync_failed_record", "ns_attachment_scan", "ns_attachment_cursor", "flyway_schema_history");

    @Inject
    private Organizations organizations;

    @Inject
    private Database database;

    private final List<String> failures = new ArrayList<>();
    private int requests;
    private Map<String, String> state;

    @Configuration
    public Option[] config() {
        return distribution(databasePassword(), privateDatabase("portico_test_sweep"));
    }

    @Test
    public void noInputGivesAServerErrorOrChangesStateWhenRefused() throws Exception {
        await("/health to answer 200", Duration.ofSeconds(30), () -> status("/health") == 200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long organization = organizations.upsertCustomer(new CustomerOrganization("SWEEP-" + run, "Sweep " + run,
                List.of("sweep-" + run + ".example"), "CA", "USD", null, Map.of())).id();
        WebClient anonymous = new WebClient("http://localhost:" + httpPort(), null);
        Matcher anonymousCsrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(anonymous.send("GET", "/sign-in", null).body());
        assertTrue("the sign-in page has a form token", anonymousCsrf.find());
        anonymous.csrf = anonymousCsrf.group(1);
        WebClient customer = join("admin@sweep-" + run + ".example", String.valueOf(organization), "admin");
        WebClient operator = join("sweep-" + run + "@operator.example", null, "admin");

        Map<String, Map<String, JsonNode>> operations = operations();
        state = state();
        for (WebClient user : List.of(anonymous, customer, operator)) {
            for (Map.Entry<String, Map<String, JsonNode>> path : operations.entrySet()) {
                for (Map.Entry<String, JsonNode> operation : path.getValue().entrySet()) {
                    String method = operation.getKey().toUpperCase();
                    if (!OWN_SESSION.matcher(method + " " + path.getKey()).find()) {
                        sweep(user, method, path.getKey(), operation.getValue());
                    }
                }
                if (user.email != null) {
                    assertEquals(user.email + " is still signed in after " + path.getKey(), 200,
                            user.send("GET", "/api/me", null).statusCode());
                }
            }
        }
        for (String path : List.of("/static/%00", "/static/..%2f..%2fetc%2fpasswd", "/static/portico.css%00.js",
                "/%00", "/" + "x".repeat(4000))) {
            check(anonymous, "GET", path, null, null, "text/html");
        }
        System.out.println("input sweep: " + requests + " requests over " + operations.size() + " endpoints ("
                + operations.values().stream().mapToInt(Map::size).sum() + " operations) as an anonymous visitor, a"
                + " customer's admin and an operator's admin; " + failures.size() + " failures");
        failures.forEach(System.out::println);
        assertTrue(failures.size() + " failures:\n" + failures.stream().limit(60).collect(Collectors.joining("\n")),
                failures.isEmpty());
    }

    /** Every declared input of one operation, one at a time, then the whole request. */
    private void sweep(WebClient user, String method, String template, JsonNode operation) throws Exception {
        List<String> pathParams = new ArrayList<>();
        List<String> queryParams = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String in = parameter.path("in").asText();
            if ("path".equals(in)) {
                pathParams.add(parameter.path("name").asText());
            } else if ("query".equals(in)) {
                queryParams.add(parameter.path("name").asText());
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        JsonNode formSchema = content.path("application/x-www-form-urlencoded").path("schema");
        JsonNode jsonSchema = content.has("application/json") ? content.path("application/json").path("schema")
                : content.path("*/*").path("schema");
        boolean takesForm = !formSchema.isMissingNode();
        boolean takesJson = !jsonSchema.isMissingNode();
        Map<String, String> baseline = new LinkedHashMap<>();
        pathParams.forEach(name -> baseline.put(name, baselineSegment(name)));
        String path = fill(template, baseline);

        for (String name : pathParams) {
            for (String value : VALUES) {
                Map<String, String> segments = new LinkedHashMap<>(baseline);
                segments.put(name, value);
                request(user, method, fill(template, segments), takesForm, formSchema, takesJson, jsonSchema);
            }
        }
        for (String name : queryParams) {
            for (String value : VALUES) {
                request(user, method, path + "?" + encode(name) + "=" + encode(value), takesForm, formSchema,
                        takesJson, jsonSchema);
            }
            request(user, method, path + "?" + encode(name) + "=1&" + encode(name) + "=2", takesForm, formSchema,
                    takesJson, jsonSchema);
        }
        request(user, method, path + "?unknown=%00&" + "x".repeat(100) + "=1", takesForm, formSchema, takesJson,
                jsonSchema);
        if (takesForm) {
            Iterator<String> fields = formSchema.path("properties").fieldNames();
            Map<String, String> form = new LinkedHashMap<>();
            fields.forEachRemaining(field -> form.put(field, "csrf".equals(field) ? user.csrf : "x"));
            for (String field : form.keySet()) {
                for (String value : VALUES) {
                    Map<String, String> fuzzed = new LinkedHashMap<>(form);
                    fuzzed.put(field, value);
                    check(user, method, path, "application/x-www-form-urlencoded", WebClient.encode(fuzzed),
                            "text/html");
                }
                check(user, method, path, "application/x-www-form-urlencoded",
                        WebClient.encode(form) + "&" + encode(field) + "=" + encode("second"), "text/html");
            }
            for (String body : List.of("a=%zz", "=&=&&", "%00=%00", "csrf=" + user.csrf + "&"
                    + "x=".repeat(40_000))) {
                check(user, method, path, "application/x-www-form-urlencoded", body, "text/html");
            }
        }
        if (takesJson) {
            ObjectNode valid = (ObjectNode) (jsonSchema.path("type").asText().equals("object")
                    ? baselineJson(jsonSchema) : JSON.createObjectNode());
            List<String> properties = new ArrayList<>();
            jsonSchema.path("properties").fieldNames().forEachRemaining(properties::add);
            if (properties.isEmpty()) {
                properties.add("name");
            }
            for (String property : properties) {
                for (String value : VALUES) {
                    ObjectNode fuzzed = valid.deepCopy();
                    fuzzed.put(property, value);
                    check(user, method, path, "application/json", JSON.writeValueAsString(fuzzed), "application/json");
                }
                for (String raw : RAW_JSON) {
                    ObjectNode fuzzed = valid.deepCopy();
                    fuzzed.putRawValue(property, new RawValue(raw));
                    check(user, method, path, "application/json", JSON.writeValueAsString(fuzzed), "application/json");
                }
            }
        }
        for (String body : BODIES) {
            check(user, method, path, "application/json", body, "application/json");
        }
        for (String type : CONTENT_TYPES) {
            check(user, method, path, type, "{}", "application/json");
        }
        check(user, method, path, null, "a=1", "text/html");
    }

    /** The operation's own kind of body, so that a fuzzed path or query parameter gets past the body's parsing. */
    private void request(WebClient user, String method, String path, boolean takesForm, JsonNode formSchema,
            boolean takesJson, JsonNode jsonSchema) throws Exception {
        if (takesForm) {
            Map<String, String> form = new LinkedHashMap<>();
            formSchema.path("properties").fieldNames().forEachRemaining(
                    field -> form.put(field, "csrf".equals(field) ? user.csrf : "x"));
            check(user, method, path, "application/x-www-form-urlencoded", WebClient.encode(form), "text/html");
        } else if (takesJson) {
            check(user, method, path, "application/json", JSON.writeValueAsString(baselineJson(jsonSchema)),
                    "application/json");
        } else {
            check(user, method, path, null, null, "application/json");
            check(user, method, path, null, null, "text/html,application/xhtml+xml,*/*;q=0.8");
        }
    }

    private void check(WebClient user, String method, String path, String contentType, String body, String accept)
            throws Exception {
        requests++;
        String who = user.email == null ? "anonymous" : user.email;
        String request = who + " " + method + " " + abbreviated(path) + (contentType == null ? ""
                : " [" + contentType + "] " + abbreviated(Objects.toString(body, "")));
        HttpResponse<String> response;
        try {
            response = user.send(method, path, contentType, body, accept);
        } catch (java.io.IOException e) {
            failures.add(request + " -> connection failed: " + e);
            return;
        }
        int status = response.statusCode();
        String answer = response.body();
        String type = response.headers().firstValue("Content-Type").orElse("");
        Matcher javaName = JAVA_NAME.matcher(answer);
        if (status >= 500) {
            failures.add(request + " -> " + status + " " + abbreviated(answer));
        } else if (status >= 400 && javaName.find()) {
            failures.add(request + " -> " + status + " names Java: " + javaName.group() + " in "
                    + abbreviated(answer.substring(Math.max(0, javaName.start() - 80))));
        } else if (status >= 400 && !type.startsWith("application/problem+json")
                && !(type.startsWith("text/html") && answer.contains("/static/portico.css"))
                && !refusedByJettysParser(path, status, answer)) {
            failures.add(request + " -> " + status + " is not Portico's own answer (" + type + "): "
                    + abbreviated(answer));
        }
        Map<String, String> after = state();
        if (status >= 400 && !after.equals(state)) {
            failures.add(request + " -> " + status + " but changed " + changed(state, after));
        }
        state = after;
    }

    /**
     * Jetty refuses a control character or an encoded slash in the path while it parses the request line, before any
     * servlet runs, with a short page of its own that names nothing of the server's; Portico never sees such a
     * request.
     */
    private static boolean refusedByJettysParser(String path, int status, String answer) {
        return status == 400 && answer.startsWith("<h1>Bad Message 400</h1>")
                && CONTROL_IN_PATH.matcher(path.replaceFirst("\\?.*", "")).find();
    }

    /**
     * A fingerprint of everything the database holds, table by table: row count and the newest row version, so that
     * an insert, update or delete shows. Tables that log activity rather than hold state are left out.
     */
    private Map<String, String> state() throws Exception {
        Map<String, String> fingerprint = new TreeMap<>();
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    if (!ACTIVITY_TABLES.contains(rs.getString(1))) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            String query = tables.stream().map(t -> "SELECT '" + t + "', count(*) || '/' || coalesce(max(xmin::text::bigint), 0)"
                    + " FROM " + t).collect(Collectors.joining(" UNION ALL "));
            try (ResultSet rs = statement.executeQuery(query)) {
                while (rs.next()) {
                    fingerprint.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return fingerprint;
    }

    private static String changed(Map<String, String> before, Map<String, String> after) {
        return after.keySet().stream().filter(t -> !after.get(t).equals(before.get(t))).collect(Collectors.joining(", "));
    }

    /** Path → method → operation, as the server describes itself now. */
    private Map<String, Map<String, JsonNode>> operations() throws Exception {
        JsonNode paths = JSON.readTree(get("/api/openapi.json").body()).path("paths");
        Map<String, Map<String, JsonNode>> operations = new TreeMap<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey())) {
                operations.computeIfAbsent(path.getKey(), p -> new TreeMap<>()).put(operation.getKey(),
                        operation.getValue());
            }
        }));
        assertTrue("the server describes its endpoints: " + operations.keySet(), operations.size() > 20);
        return operations;
    }

    /** A value that routes to the endpoint without naming anything that exists, except for names of kinds. */
    private static String baselineSegment(String name) {
        return name.toLowerCase().contains("type") ? "invoice" : "987654321";
    }

    private static JsonNode baselineJson(JsonNode schema) {
        return switch (schema.path("type").asText()) {
            case "string" -> JSON.getNodeFactory().textNode("x");
            case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
            case "boolean" -> JSON.getNodeFactory().booleanNode(false);
            case "array" -> JSON.createArrayNode();
            default -> {
                ObjectNode object = JSON.createObjectNode();
                schema.path("properties").fields().forEachRemaining(
                        property -> object.set(property.getKey(), baselineJson(property.getValue())));
                yield object;
            }
        };
    }

    private static String fill(String template, Map<String, String> segments) {
        String path = template;
        for (Map.Entry<String, String> segment : segments.entrySet()) {
            path = path.replaceAll("\\{" + Pattern.quote(segment.getKey()) + "(\\s*:[^}]*)?}",
                    Matcher.quoteReplacement(encode(segment.getValue())));
        }
        return path;
    }

    /** Percent-encoding for a path segment or a query value (a space as %20, which both understand). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviated(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }
}
