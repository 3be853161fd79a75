package io.portico.plugins.attachments.internal;

import io.portico.netsuite.internal.auth.TbaSigner;
import io.portico.netsuite.internal.config.TbaCredentials;
import io.portico.sandbox.NetSuiteSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

/**
 * A file's bytes from NetSuite's media URL, signed with TBA as the NetSuite client signs its requests: a second way of
 * reading a file, to check what the RESTlet delivered and Portico stored against.
 */
final class SandboxMedia {

    private final NetSuiteSandbox sandbox;
    private final TbaSigner signer;
    private final HttpClient http = HttpClient.newHttpClient();

    SandboxMedia(NetSuiteSandbox sandbox) {
        this.sandbox = sandbox;
        this.signer = new TbaSigner(sandbox.accountId(), new TbaCredentials(sandbox.credentials().consumerKey(),
                sandbox.credentials().consumerSecret(), sandbox.credentials().tokenId(),
                sandbox.credentials().tokenSecret()), Clock.systemUTC());
    }

    byte[] media(long fileId) throws IOException, InterruptedException {
        URI uri = URI.create(sandbox.baseUrl() + "/core/media/media.nl?id=" + fileId);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", signer.authorization("GET", uri)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + uri);
        }
        return response.body();
    }
}
