package io.portico.netsuite.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;

/** Turns a successful (2xx) answer into a result while the request still holds its concurrency slot. */
@FunctionalInterface
public interface ResponseReader<T> {

    /**
     * @throws IOException when the body breaks off; the call is then retried if it is idempotent, so a reader that
     *                     has already passed data on must throw something else
     */
    T read(int status, HttpHeaders headers, InputStream body) throws IOException;
}
