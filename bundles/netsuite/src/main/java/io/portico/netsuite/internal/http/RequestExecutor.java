package io.portico.netsuite.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portico.netsuite.NetSuiteException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends calls to NetSuite within the account's concurrency limit and retries what may be retried:
 * <ul>
 * <li>429, or a RESTlet's 400 {@code SSS_REQUEST_LIMIT_EXCEEDED} (NetSuite blocked the request before processing it):
 * every call;</li>
 * <li>5xx and I/O errors: idempotent calls only;</li>
 * <li>a refused connection: every call, since nothing was sent;</li>
 * <li>401 with cached credentials (an M2M token), or on an idempotent call: once, with fresh credentials (a new
 * token, or a new nonce).</li>
 * </ul>
 * Everything else becomes a {@link NetSuiteException}.
 */
public final class RequestExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(RequestExecutor.class);
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int BAD_REQUEST = 400;
    private static final String RESTLET_LIMIT_EXCEEDED = "SSS_REQUEST_LIMIT_EXCEEDED";
    private static final int UNAUTHORIZED = 401;

    private final HttpClient http;
    private final RequestAuthorizer authorizer;
    private final ConcurrencyGate gate;
    private final RetryPolicy retryPolicy;
    private final CallCounters counters;
    private final Duration requestTimeout;
    private final ObjectMapper json;
    private final Clock clock;

    public RequestExecutor(HttpClient http, RequestAuthorizer authorizer, ConcurrencyGate gate,
                           RetryPolicy retryPolicy, CallCounters counters, Duration requestTimeout,
                           ObjectMapper json, Clock clock) {
        this.http = http;
        this.authorizer = authorizer;
        this.gate = gate;
        this.retryPolicy = retryPolicy;
        this.counters = counters;
        this.requestTimeout = requestTimeout;
        this.json = json;
        this.clock = clock;
    }

    public <T> T execute(ApiRequest request, ResponseReader<T> reader) {
        try {
            return executeWithRetries(request, reader);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            counters.failed();
            throw new NetSuiteException(request.describe(), 0, null, "interrupted", null, e);
        } catch (RuntimeException e) {
            counters.failed();
            throw e;
        }
    }

    private <T> T executeWithRetries(ApiRequest request, ResponseReader<T> reader) throws InterruptedException {
        boolean credentialsRenewed = false;
        for (int retry = 0; ; retry++) {
            String authorization = authorizer.authorization(request.method(), request.uri());
            HttpRequest httpRequest = toHttpRequest(request, authorization);
            Duration delay;
            gate.enter();
            try {
                counters.requestSent();
                HttpResponse<InputStream> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    int status = response.statusCode();
                    if (status / 100 == 2) {
                        return reader.read(status, response.headers(), body);
                    }
                    NetSuiteException error = ErrorResponses.toException(request, status,
                            body.readNBytes(ErrorResponses.MAX_BODY_BYTES), json);
                    boolean throttled = isThrottled(status, error);
                    if (throttled) {
                        counters.throttled();
                    }
                    // A 401 on an idempotent call may be NetSuite refusing a nonce twice: the JDK client resends
                    // an idempotent request whose kept-alive connection closed unanswered, with the same signature.
                    if (status == UNAUTHORIZED && !credentialsRenewed
                            && (authorizer.discardCredentials(authorization) || request.idempotent())) {
                        credentialsRenewed = true;
                        delay = Duration.ZERO;
                    } else if ((throttled || (status >= 500 && request.idempotent()))
                            && retry < retryPolicy.maxRetries()) {
                        delay = retryPolicy.delay(retry, RetryPolicy.parseRetryAfter(
                                response.headers().firstValue("Retry-After").orElse(null), clock.instant()));
                    } else {
                        throw error;
                    }
                    LOG.debug("{}; retrying in {} ms", error.getMessage(), delay.toMillis());
                }
            } catch (IOException e) {
                if (!isRetryable(e, request) || retry >= retryPolicy.maxRetries()) {
                    throw new NetSuiteException(request.describe(), 0, null, e.toString(), null, e);
                }
                delay = retryPolicy.delay(retry, null);
                LOG.debug("{} failed with {}; retrying in {} ms", request.describe(), e, delay.toMillis());
            } finally {
                gate.leave();
            }
            counters.retrying();
            Thread.sleep(delay.toMillis());
        }
    }

    /** NetSuite refused the request before running it: 429 from REST, 400 SSS_REQUEST_LIMIT_EXCEEDED from RESTlets. */
    private static boolean isThrottled(int status, NetSuiteException error) {
        return status == TOO_MANY_REQUESTS
                || (status == BAD_REQUEST && RESTLET_LIMIT_EXCEEDED.equals(error.errorCode()));
    }

    /** After a refused connection nothing reached NetSuite, so even a create may go again. */
    private static boolean isRetryable(IOException e, ApiRequest request) {
        return request.idempotent() || e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
    }

    private HttpRequest toHttpRequest(ApiRequest request, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(requestTimeout)
                .method(request.method(), request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }
}
