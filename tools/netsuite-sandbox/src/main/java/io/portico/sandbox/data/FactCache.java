package io.portico.sandbox.data;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * A fixed-size, direct-mapped cache of derived facts: bounded memory however large the company, and no locking
 * (entries are immutable; a lost race only means deriving again).
 */
final class FactCache<T> {

  private record Entry<T>(int key, T value) {
  }

  private final AtomicReferenceArray<Entry<T>> slots;

  FactCache(int size) {
    this.slots = new AtomicReferenceArray<>(size);
  }

  T get(int key, IntFunction<T> derive) {
    int slot = Math.floorMod(key, slots.length());
    Entry<T> e = slots.get(slot);
    if (e != null && e.key() == key) {
      return e.value();
    }
    T value = derive.apply(key);
    slots.lazySet(slot, new Entry<>(key, value)); // entries are immutable: no fence needed to publish them
    return value;
  }
}
