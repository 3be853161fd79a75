package io.portico.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.portico.sandbox.errors.NetSuiteException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The JDK HTTP server with a thread pool, routing by path prefix to endpoints. Unhandled exceptions become NetSuite's
 * 500 UNEXPECTED_ERROR; a dropped-connection fault closes the socket without answering, a lost-answer fault does so after
 * the request was carried out.
 */
public final class SandboxServer {

  private static final int THREADS = 32;
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  static {
    // The JDK server keeps Nagle's algorithm on by default: the last small segment of an answer then waits for the
    // client's delayed ACK (40 ms on Linux), adding up to 40 ms to requests on top of the configured latency. The
    // property is read once, when the server implementation is first used, and only set here if nobody chose.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Endpoint> routes;
  private final BooleanSupplier dropConnection;
  private final BooleanSupplier loseAnswer;

  private SandboxServer(HttpServer server, ExecutorService executor, Map<String, Endpoint> routes,
                        BooleanSupplier dropConnection, BooleanSupplier loseAnswer) {
    this.server = server;
    this.executor = executor;
    this.routes = routes;
    this.dropConnection = dropConnection;
    this.loseAnswer = loseAnswer;
  }

  /**
   * Binds 127.0.0.1:{@code port} (0 = any free port) and serves {@code routes} (longest matching prefix wins);
   * {@code dropConnection} is asked per API request whether to close the socket without answering, {@code loseAnswer}
   * whether to do so once the request was carried out.
   */
  public static SandboxServer start(int port, Map<String, Endpoint> routes, BooleanSupplier dropConnection,
                                    BooleanSupplier loseAnswer) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
      AtomicInteger threadNo = new AtomicInteger();
      ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "netsuite-sandbox-" + threadNo.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      SandboxServer s = new SandboxServer(server, executor, new LinkedHashMap<>(routes), dropConnection,
          loseAnswer);
      server.createContext("/", s::serve);
      server.setExecutor(executor);
      server.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot bind port " + port, e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String path = exchange.getRequestURI().getRawPath();
      Endpoint endpoint = route(path);
      boolean api = endpoint != null && !path.startsWith("/sandbox");
      if (api && dropConnection.getAsBoolean()) {
        return; // closing without a response drops the connection
      }
      Request request = Request.of(exchange.getRequestMethod(), decodePath(path),
          exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
      Response response = dispatch(endpoint, request);
      if (api && loseAnswer.getAsBoolean()) {
        return; // done, but the client never hears of it
      }
      write(exchange, response);
    }
  }

  private Response dispatch(Endpoint endpoint, Request request) {
    try {
      if (endpoint == null) {
        throw NetSuiteException.notFound("The requested resource " + request.path() + " was not found.");
      }
      return endpoint.handle(request);
    } catch (NetSuiteException e) {
      return ErrorResponses.of(e);
    } catch (RuntimeException e) {
      String errorId = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
      System.err.println("netsuite-sandbox: unexpected error " + errorId + " on " + request.method() + " "
          + request.path());
      e.printStackTrace();
      return ErrorResponses.of(NetSuiteException.unexpected(errorId));
    }
  }

  private Endpoint route(String path) {
    String best = null;
    for (String prefix : routes.keySet()) {
      if (path.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? null : routes.get(best);
  }

  private static void write(HttpExchange exchange, Response response) throws IOException {
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    boolean empty = response.body().length == 0;
    exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    }
  }

  private static String decodePath(String rawPath) {
    return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
