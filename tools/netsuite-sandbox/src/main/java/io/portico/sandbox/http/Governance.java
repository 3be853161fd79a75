package io.portico.sandbox.http;

import io.portico.sandbox.Faults;
import io.portico.sandbox.errors.NetSuiteException;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Wraps an endpoint with what NetSuite's request pipeline adds: the account concurrency limit (429
 * CONCURRENCY_LIMIT_EXCEEDED, checked before anything else, as a slot is taken on arrival), then the injected faults:
 * latency, slow pages, random 500s. Latency counts as server time: the request is handled at once and its answer held
 * back until the latency (plus any slow-page delay) has passed since arrival, so a request holds its slot for
 * max(latency, work) rather than latency + work. Dropped connections are decided by the server (see
 * {@link #dropsConnection}), and so are lost answers ({@link #losesAnswer}).
 */
public final class Governance {

  private final Faults faults;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong pages = new AtomicLong();
  private final Random random;

  public Governance(Faults faults, long seed) {
    this.faults = faults;
    this.random = new Random(seed);
  }

  /** Whether to drop the connection of the request arriving now, per {@link Faults#dropConnectionRate}. */
  public boolean dropsConnection() {
    return chance(faults.dropConnectionRate());
  }

  /** Whether to carry out the request arriving now and close its connection unanswered, per {@link Faults#lostAnswerRate}. */
  public boolean losesAnswer() {
    return chance(faults.lostAnswerRate());
  }

  /** @param servesPage which requests fetch a page (record lists, SuiteQL), the ones slow-page faults apply to */
  public Endpoint govern(Endpoint endpoint, Predicate<Request> servesPage) {
    return request -> {
      if (inFlight.incrementAndGet() > faults.concurrencyLimit()) {
        inFlight.decrementAndGet();
        throw NetSuiteException.concurrencyLimitExceeded();
      }
      long started = System.nanoTime();
      int delayMillis = faults.latencyMillis() + (servesPage.test(request) ? pageDelay() : 0);
      try {
        if (chance(faults.errorRate())) {
          throw NetSuiteException.unexpected(UUID.randomUUID().toString().replace("-", "").substring(0, 20));
        }
        return endpoint.handle(request);
      } finally {
        // Latency is server time: the work runs during it and only the rest is waited, so every answer (error or
        // not) takes at least the latency, and longer only when the work itself takes longer.
        sleepUntil(started + delayMillis * 1_000_000L);
        inFlight.decrementAndGet();
      }
    };
  }

  /** Every n-th page (counted across all clients) is delayed when slow pages are switched on. */
  private int pageDelay() {
    int every = faults.slowPageEvery();
    return every > 0 && pages.incrementAndGet() % every == 0 ? faults.slowPageMillis() : 0;
  }

  private boolean chance(double rate) {
    if (rate <= 0) {
      return false;
    }
    synchronized (random) {
      return random.nextDouble() < rate;
    }
  }

  /** Waits until the deadline (to the tenth of a millisecond, where Thread.sleep rounds up to whole ones). */
  private static void sleepUntil(long deadlineNanos) {
    for (long remaining = deadlineNanos - System.nanoTime(); remaining > 0;
         remaining = deadlineNanos - System.nanoTime()) {
      LockSupport.parkNanos(remaining);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
