package io.kube4j.apiserver.registry.core.service.allocator;

import io.kube4j.apiserver.runtime.Codec;
import io.kube4j.apiserver.storage.KeyValue;
import io.kube4j.apiserver.storage.Storage;
import io.kube4j.apiserver.storage.WriteResult;
import java.util.Base64;
import java.util.BitSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * A set of offsets {@code 0..size-1} persisted as one etcd value. Every change reads the bitmap,
 * changes it and writes it back on the read revision; a lost race retries with the new bitmap.
 */
public final class BitmapAllocator {

  private final Storage storage;
  private final Codec codec;
  private final String key;
  private final String range;
  private final int size;

  /**
   * @param key e.g. {@code /registry/ranges/serviceips}
   * @param range the range's text, e.g. {@code 10.96.0.0/12}, stored beside the bitmap
   * @param size number of offsets
   */
  public BitmapAllocator(Storage storage, Codec codec, String key, String range, int size) {
    this.storage = storage;
    this.codec = codec;
    this.key = key;
    this.range = range;
    this.size = size;
  }

  public int size() {
    return size;
  }

  /** Takes {@code offset}; false when it was already taken. */
  public boolean allocate(int offset) {
    return change(bits -> {
      if (bits.get(offset)) {
        return Optional.empty();
      }
      bits.set(offset);
      return Optional.of(offset);
    }).isPresent();
  }

  /**
   * Takes a free offset at or above {@code from} (a random one, so two apiservers rarely race),
   * falling back to any free one; empty when the range is full.
   */
  public OptionalInt allocateNext(int from) {
    Optional<Integer> r = change(bits -> {
      int span = size - from;
      int start = span <= 0 ? 0 : from + ThreadLocalRandom.current().nextInt(span);
      int free = bits.nextClearBit(start);
      if (free >= size) {
        free = bits.nextClearBit(from);
      }
      if (free >= size) {
        free = bits.nextClearBit(0);
      }
      if (free >= size) {
        return Optional.empty();
      }
      bits.set(free);
      return Optional.of(free);
    });
    return r.map(OptionalInt::of).orElse(OptionalInt.empty());
  }

  /** Frees {@code offset}; freeing a free offset does nothing. */
  public void release(int offset) {
    change(bits -> {
      if (!bits.get(offset)) {
        return Optional.empty();
      }
      bits.clear(offset);
      return Optional.of(offset);
    });
  }

  public boolean isAllocated(int offset) {
    return read().map(kv -> bits(kv).get(offset)).orElse(false);
  }

  /** Applies {@code f} to the bitmap; writes when it returns a value. */
  private Optional<Integer> change(Function<BitSet, Optional<Integer>> f) {
    while (true) {
      Optional<KeyValue> current = read();
      BitSet bits = current.map(this::bits).orElseGet(BitSet::new);
      Optional<Integer> result = f.apply(bits);
      if (result.isEmpty()) {
        return result;
      }
      byte[] value = codec.encode(new RangeAllocation("RangeAllocation", "v1", Map.of(), range,
          Base64.getEncoder().encodeToString(bits.toByteArray())));
      WriteResult w = current.isPresent()
          ? storage.update(key, value, current.get().modRevision())
          : storage.create(key, value);
      if (w instanceof WriteResult.Written) {
        return result;
      }
    }
  }

  private Optional<KeyValue> read() {
    return storage.get(key);
  }

  private BitSet bits(KeyValue kv) {
    RangeAllocation r = codec.decode(kv.value(), RangeAllocation.class);
    return BitSet.valueOf(Base64.getDecoder().decode(r.data() == null ? "" : r.data()));
  }
}
