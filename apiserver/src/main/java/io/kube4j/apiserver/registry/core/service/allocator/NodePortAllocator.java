package io.kube4j.apiserver.registry.core.service.allocator;

import io.kube4j.apiserver.runtime.Codec;
import io.kube4j.apiserver.storage.Storage;
import java.util.Optional;
import java.util.OptionalInt;

/** Node ports of the {@code --service-node-port-range} (default 30000-32767). */
public final class NodePortAllocator {

  private final int base;
  private final int size;
  private final BitmapAllocator bitmap;

  public NodePortAllocator(Storage storage, Codec codec, String range) {
    String[] parts = range.split("-");
    this.base = Integer.parseInt(parts[0].trim());
    int last = Integer.parseInt(parts[1].trim());
    this.size = last - base + 1;
    this.bitmap = new BitmapAllocator(storage, codec, "/registry/ranges/servicenodeports", range, size);
  }

  /** Reserves {@code port}; a message when it is outside the range or taken. */
  public Optional<String> allocate(int port) {
    if (port < base || port >= base + size) {
      return Optional.of("provided port is not in the valid range. The range of valid ports is "
          + base + "-" + (base + size - 1));
    }
    if (!bitmap.allocate(port - base)) {
      return Optional.of("provided port is already allocated");
    }
    return Optional.empty();
  }

  public OptionalInt allocateNext() {
    OptionalInt r = bitmap.allocateNext(Math.min(size / 16, 128));
    return r.isPresent() ? OptionalInt.of(base + r.getAsInt()) : OptionalInt.empty();
  }

  public void release(int port) {
    if (port >= base && port < base + size) {
      bitmap.release(port - base);
    }
  }
}
