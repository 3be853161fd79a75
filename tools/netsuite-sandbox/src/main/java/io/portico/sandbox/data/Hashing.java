package io.portico.sandbox.data;

import java.util.SplittableRandom;

/** Derives independent, reproducible random streams from (seed, kind, index), so no record needs to be stored. */
final class Hashing {

  static final int CUSTOMER = 1;
  static final int CONTACT = 2;
  static final int VENDOR = 3;
  static final int SLOT = 4;
  static final int SLOT_DETAIL = 5;
  static final int SLOT_TIMELINE = 6;
  /** The item fulfillments of a slot's sales order: a stream of its own, so the other members draw as before. */
  static final int SLOT_FULFILLMENTS = 7;

  private Hashing() {
  }

  static long hash(long seed, int kind, long index) {
    return mix(seed * 0x9E3779B97F4A7C15L + kind * 0xD1B54A32D192ED03L + index * 0xAEF17502108EF2D9L);
  }

  static SplittableRandom random(long seed, int kind, long index) {
    return new SplittableRandom(hash(seed, kind, index));
  }

  /** A value in [0, bound) from a slice of the hash, for cheap yes/no decisions without building a Random. */
  static int slice(long hash, int shift, int bound) {
    return (int) Long.remainderUnsigned(hash >>> shift, bound);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
