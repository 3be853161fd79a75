package io.portico.sandbox;

/**
 * Runtime switches for the failure modes a client must survive. Every setter takes effect on the next request and
 * returns {@code this} so switches can be chained. Random faults are drawn from a generator seeded with the
 * sandbox's seed.
 */
public final class Faults {

  private volatile int latencyMillis;
  private volatile double errorRate;
  private volatile int slowPageEvery;
  private volatile int slowPageMillis;
  private volatile double dropConnectionRate;
  private volatile double lostAnswerRate;
  private volatile int concurrencyLimit;

  Faults(int latencyMillis, int concurrencyLimit) {
    this.latencyMillis = latencyMillis;
    this.concurrencyLimit = concurrencyLimit;
  }

  /**
   * Server time every request takes at least: the request is handled at once and answered when this much time has
   * passed since it arrived (or when the work is done, if that takes longer).
   */
  public Faults latencyMillis(int ms) {
    this.latencyMillis = requireNonNegative(ms, "latencyMillis");
    return this;
  }

  /** Share (0..1) of requests answered with NetSuite's 500 UNEXPECTED_ERROR. */
  public Faults errorRate(double rate) {
    this.errorRate = requireRate(rate, "errorRate");
    return this;
  }

  /** Every {@code n}-th page (record list or SuiteQL) takes {@code ms} longer; n = 0 switches it off. */
  public Faults slowPageEvery(int n, int ms) {
    this.slowPageEvery = requireNonNegative(n, "n");
    this.slowPageMillis = requireNonNegative(ms, "ms");
    return this;
  }

  /** Share (0..1) of requests whose connection is closed without any response. */
  public Faults dropConnectionRate(double rate) {
    this.dropConnectionRate = requireRate(rate, "dropConnectionRate");
    return this;
  }

  /**
   * Share (0..1) of requests that are carried out in full and whose connection is then closed without the answer:
   * the client cannot tell whether a create happened (the outcome a timeout or a lost response leaves).
   */
  public Faults lostAnswerRate(double rate) {
    this.lostAnswerRate = requireRate(rate, "lostAnswerRate");
    return this;
  }

  /** Account concurrency limit; requests beyond it get 429 CONCURRENCY_LIMIT_EXCEEDED. */
  public Faults concurrencyLimit(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("concurrencyLimit must be at least 1");
    }
    this.concurrencyLimit = n;
    return this;
  }

  /**
   * Switches every fault off (latency 0, no errors, no drops, no lost answers, no slow pages); the concurrency limit
   * stays.
   */
  public Faults clear() {
    latencyMillis = 0;
    errorRate = 0;
    slowPageEvery = 0;
    slowPageMillis = 0;
    dropConnectionRate = 0;
    lostAnswerRate = 0;
    return this;
  }

  public int latencyMillis() {
    return latencyMillis;
  }

  public double errorRate() {
    return errorRate;
  }

  public int slowPageEvery() {
    return slowPageEvery;
  }

  public int slowPageMillis() {
    return slowPageMillis;
  }

  public double dropConnectionRate() {
    return dropConnectionRate;
  }

  public double lostAnswerRate() {
    return lostAnswerRate;
  }

  public int concurrencyLimit() {
    return concurrencyLimit;
  }

  private static int requireNonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
    return value;
  }

  private static double requireRate(double rate, String name) {
    if (rate < 0 || rate > 1) {
      throw new IllegalArgumentException(name + " must be between 0 and 1");
    }
    return rate;
  }
}
