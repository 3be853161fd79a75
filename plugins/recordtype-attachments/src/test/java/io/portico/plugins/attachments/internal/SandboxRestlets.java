package io.portico.plugins.attachments.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portico.netsuite.internal.auth.TbaSigner;
import io.portico.netsuite.internal.config.TbaCredentials;
import io.portico.sandbox.NetSuiteSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * RESTlet calls to the sandbox, signed with TBA as the NetSuite client signs its requests: the test's stand-in for
 * the RESTlet call the client does not offer yet. Also fetches a file's bytes from the media URL, so that stored
 * content can be checked against a second way of reading it.
 */
final class SandboxRestlets implements RestletTransport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NetSuiteSandbox sandbox;
    private final TbaSigner signer;
    private final HttpClient http = HttpClient.newHttpClient();

    SandboxRestlets(NetSuiteSandbox sandbox) {
        this.sandbox = sandbox;
        this.signer = new TbaSigner(sandbox.accountId(), new TbaCredentials(sandbox.credentials().consumerKey(),
                sandbox.credentials().consumerSecret(), sandbox.credentials().tokenId(),
                sandbox.credentials().tokenSecret()), Clock.systemUTC());
    }

    @Override
    public JsonNode get(String script, String deploy, Map<String, String> parameters) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("script", script);
        query.put("deploy", deploy);
        query.putAll(parameters);
        try {
            return JSON.readTree(send("/app/site/hosting/restlet.nl?" + query.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"))));
        } catch (IOException e) {
            throw new AttachmentSourceException("the sandbox RESTlet answered no JSON", e);
        }
    }

    /** A file's bytes from NetSuite's media URL. */
    byte[] media(long fileId) {
        return send("/core/media/media.nl?id=" + fileId);
    }

    private byte[] send(String pathAndQuery) {
        URI uri = URI.create(sandbox.baseUrl() + pathAndQuery);
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", signer.authorization("GET", uri)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 && response.statusCode() != 400) {
                throw new AttachmentSourceException("HTTP " + response.statusCode() + " from " + uri);
            }
            return response.body();
        } catch (IOException e) {
            throw new AttachmentSourceException("the sandbox did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AttachmentSourceException("interrupted", e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
