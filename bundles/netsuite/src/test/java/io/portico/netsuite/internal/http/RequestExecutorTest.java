package io.portico.netsuite.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.portico.netsuite.NetSuiteException;
import io.portico.netsuite.NetSuiteMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The retry rules against a scripted local server. */
class RequestExecutorTest {

    private static final int MAX_RETRIES = 3;
    private static final String THROTTLED = "{\"o:errorDetails\":[{\"detail\":\"Concurrent request limit exceeded."
            + "\",\"o:errorCode\":\"CONCURRENCY_LIMIT_EXCEEDED\"}]}";
    private static final String UNEXPECTED = "{\"o:errorDetails\":[{\"detail\":\"An unexpected error occurred.\","
            + "\"o:errorCode\":\"UNEXPECTED_ERROR\"}]}";

    private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final List<String> authorizations = new ArrayList<>();
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private final CallCounters counters = new CallCounters();
    private final ConcurrencyGate gate = new ConcurrencyGate(2);
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        serverThreads.shutdownNow();
    }

    @Test
    void a429IsRetriedEvenForACreate() {
        start();
        script.add(429);
        script.add(204);
        assertEquals(204, send(post(false), RequestAuthorizer.NONE));
        assertMetrics(2, 1, 1, 0);
    }

    @Test
    void aCreateIsNotSentAgainAfterA5xx() {
        start();
        script.add(500);
        NetSuiteException e = assertThrows(NetSuiteException.class, () -> send(post(false), RequestAuthorizer.NONE));
        assertEquals(500, e.status());
        assertEquals("UNEXPECTED_ERROR", e.errorCode());
        assertMetrics(1, 0, 0, 1);
    }

    @Test
    void idempotentCallsAreRetriedAfter5xxUntilTheRetriesRunOut() {
        start();
        for (int i = 0; i <= MAX_RETRIES; i++) {
            script.add(503);
        }
        NetSuiteException e = assertThrows(NetSuiteException.class, () -> send(post(true), RequestAuthorizer.NONE));
        assertEquals(503, e.status());
        assertMetrics(MAX_RETRIES + 1, MAX_RETRIES, 0, 1);
    }

    @Test
    void aRefusedConnectionIsRetriedForEveryCallSinceNothingWasSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ApiRequest create = ApiRequest.json("POST", URI.create("http://127.0.0.1:" + closedPort + "/x"), new byte[0],
                false);
        NetSuiteException e = assertThrows(NetSuiteException.class, () -> send(create, RequestAuthorizer.NONE));
        assertEquals(0, e.status());
        assertMetrics(MAX_RETRIES + 1, MAX_RETRIES, 0, 1);
    }

    @Test
    void a401WithRenewableCredentialsIsRetriedOnceWithNewOnes() {
        start();
        script.add(401);
        script.add(200);
        AtomicInteger generation = new AtomicInteger(1);
        RequestAuthorizer renewable = new RequestAuthorizer() {
            @Override
            public String authorization(String method, URI uri) {
                return "Bearer token-" + generation.get();
            }

            @Override
            public boolean discardCredentials(String rejected) {
                generation.incrementAndGet();
                return true;
            }
        };
        assertEquals(200, send(post(true), renewable));
        assertEquals(List.of("Bearer token-1", "Bearer token-2"), authorizations);

        script.add(401);
        script.add(401);
        assertEquals(401, assertThrows(NetSuiteException.class, () -> send(post(true), renewable)).status());
    }

    @Test
    void a401OnAnIdempotentCallIsSentOnceMoreWithAFreshSignatureButNotOnACreate() {
        start();
        AtomicInteger nonce = new AtomicInteger();
        RequestAuthorizer signing = (method, uri) -> "OAuth oauth_nonce=\"" + nonce.incrementAndGet() + "\"";
        script.add(401);
        script.add(200);
        assertEquals(200, send(post(true), signing));
        assertEquals(List.of("OAuth oauth_nonce=\"1\"", "OAuth oauth_nonce=\"2\""), authorizations);

        script.add(401);
        assertEquals(401, assertThrows(NetSuiteException.class, () -> send(post(false), signing)).status());
        assertEquals(3, authorizations.size());
    }

    @Test
    void noMoreCallsRunAtOnceThanTheGateAllows() throws Exception {
        start();
        for (int i = 0; i < 12; i++) {
            script.add(200);
        }
        ExecutorService callers = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                results.add(callers.submit(() -> send(post(true), RequestAuthorizer.NONE)));
            }
            for (Future<Integer> result : results) {
                assertEquals(200, result.get());
            }
        } finally {
            callers.shutdownNow();
        }
        assertTrue(mostInFlight.get() <= 2, "at most 2 at once, saw " + mostInFlight.get());
    }

    private int send(ApiRequest request, RequestAuthorizer authorizer) {
        RequestExecutor executor = new RequestExecutor(HttpClient.newHttpClient(), authorizer, gate,
                new RetryPolicy(MAX_RETRIES, Duration.ofMillis(1), Duration.ofMillis(5)), counters,
                Duration.ofSeconds(10), new ObjectMapper(), Clock.systemUTC());
        return executor.execute(request, (status, headers, body) -> status);
    }

    private ApiRequest post(boolean idempotent) {
        return ApiRequest.json("POST", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x"),
                "{}".getBytes(StandardCharsets.UTF_8), idempotent);
    }

    private void assertMetrics(long requests, long retries, long throttled, long failures) {
        NetSuiteMetrics metrics = counters.snapshot(gate);
        assertEquals(new NetSuiteMetrics(requests, retries, throttled, failures, 0, 0), metrics);
    }

    private void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(serverThreads);
        server.createContext("/", this::answer);
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        synchronized (authorizations) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
        }
        exchange.getRequestBody().readAllBytes();
        // Counted until the answer goes out: a caller cannot send its next request before it has the answer.
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
        int status = script.remove();
        byte[] body = (status == 429 ? THROTTLED : status >= 400 ? UNEXPECTED : "").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
