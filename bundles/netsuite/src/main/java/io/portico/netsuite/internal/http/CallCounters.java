package io.portico.netsuite.internal.http;

import io.portico.netsuite.NetSuiteMetrics;
import java.util.concurrent.atomic.LongAdder;

/** What a client has done since it started. */
public final class CallCounters {

    private final LongAdder requests = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder failures = new LongAdder();

    void requestSent() {
        requests.increment();
    }

    void retrying() {
        retries.increment();
    }

    void throttled() {
        throttled.increment();
    }

    void failed() {
        failures.increment();
    }

    public NetSuiteMetrics snapshot(ConcurrencyGate gate) {
        return new NetSuiteMetrics(requests.sum(), retries.sum(), throttled.sum(), failures.sum(), gate.inFlight(),
                gate.waiting());
    }
}
