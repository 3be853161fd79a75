package io.portico.itest;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** One browser or API client with its own cookies and CSRF token, as a test drives the portal over HTTP. */
final class WebClient {

    final String email;
    private final String base;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).connectTimeout(Duration.ofSeconds(5))
            .build();
    String csrf = "";

    /** @param email who signs in with this client, or {@code null} for an anonymous visitor */
    WebClient(String base, String email) {
        this.base = base;
        this.email = email;
    }

    /** A JSON request (or none when {@code json} is null) with the CSRF token in its header, as the API takes it. */
    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json == null ? null : "application/json", json,
                "application/json, text/html;q=0.9, */*;q=0.8");
    }

    /** A form posted as a browser posts it. */
    HttpResponse<String> form(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return send("POST", path, "application/x-www-form-urlencoded", encode(fields), "text/html");
    }

    /**
     * A form with a file input posted as a browser posts it ({@code multipart/form-data}, the CSRF token as the form's
     * first field, not in a header); {@code file} empty sends the input with no file chosen.
     */
    HttpResponse<String> upload(String path, Map<String, String> fields, String fileField, String filename,
            byte[] file) throws IOException, InterruptedException {
        String boundary = "----PorticoTestBoundary" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> withCsrf = new java.util.LinkedHashMap<>();
        withCsrf.put("csrf", csrf);
        withCsrf.putAll(fields);
        withCsrf.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; "
                + "name=\"" + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"" + (file.length == 0 ? "" : filename) + "\"\r\nContent-Type: "
                + "application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Raw bytes, as an image is fetched. */
    HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Any request: {@code contentType} and {@code accept} are sent as they are when not null. */
    HttpResponse<String> send(String method, String path, String contentType, String body, String accept)
            throws IOException, InterruptedException {
        return send(method, path, contentType, body, accept, Map.of());
    }

    /** A page as a script asks for it, with headers of its own (htmx's {@code HX-Request}, say). */
    HttpResponse<String> page(String path, Map<String, String> headers) throws IOException, InterruptedException {
        return send("GET", path, null, null, "text/html", headers);
    }

    /** A download (a PDF, a ZIP) as a browser fetches it, its body as bytes. */
    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "*/*").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String accept,
            Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("X-CSRF-Token", csrf)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
