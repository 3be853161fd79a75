package io.portico.sandbox.http;

import io.portico.sandbox.Faults;
import io.portico.sandbox.errors.NetSuiteException;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Wraps an endpoint with what NetSuite's request pipeline adds: the account concurrency limit (429
 * CONCURRENCY_LIMIT_EXCEEDED, checked before anything else, as a slot is taken on arrival), then the injected faults:
 * latency, slow pages, random 500s. Dropped connections are decided by the server (see {@link #dropsConnection}).
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

  /** @param servesPage which requests fetch a page (record lists, SuiteQL), the ones slow-page faults apply to */
  public Endpoint govern(Endpoint endpoint, Predicate<Request> servesPage) {
    return request -> {
      if (inFlight.incrementAndGet() > faults.concurrencyLimit()) {
        inFlight.decrementAndGet();
        throw NetSuiteException.concurrencyLimitExceeded();
      }
      try {
        sleep(faults.latencyMillis() + (servesPage.test(request) ? pageDelay() : 0));
        if (chance(faults.errorRate())) {
          throw NetSuiteException.unexpected(UUID.randomUUID().toString().replace("-", "").substring(0, 20));
        }
        return endpoint.handle(request);
      } finally {
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

  private static void sleep(int millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
