package io.kube4j.apiserver.registry.core.service.allocator;

import io.kube4j.apiserver.runtime.Codec;
import io.kube4j.apiserver.storage.Storage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Cluster IPs of an IPv4 service CIDR. Offsets count from the network address; the network and
 * broadcast addresses are never handed out, so 10.96.0.0/12 offers 10.96.0.1 to 10.111.255.254.
 * Dynamic allocation prefers the upper part of the range, leaving the lower part to clients that
 * ask for a specific IP (upstream's static/dynamic split, KEP-3070).
 */
public final class ClusterIpAllocator {

  private final long network;
  private final int size;
  private final BitmapAllocator bitmap;

  public ClusterIpAllocator(Storage storage, Codec codec, String cidr) {
    String[] parts = cidr.split("/");
    int prefix = Integer.parseInt(parts[1]);
    if (prefix < 8 || prefix > 30) {
      throw new IllegalArgumentException("service CIDR must be an IPv4 range from /8 to /30: " + cidr);
    }
    this.network = toLong(parts[0]) & (0xFFFFFFFFL << (32 - prefix));
    // at most 1 Mi addresses are tracked, as upstream caps large ranges
    this.size = (int) Math.min(1L << (32 - prefix), 1 << 20);
    this.bitmap = new BitmapAllocator(storage, codec, "/registry/ranges/serviceips", cidr, size);
  }

  /** The first usable address, given to the {@code kubernetes} Service. */
  public String first() {
    return toString(network + 1);
  }

  /** Reserves a specific IP; 422-worthy problems are reported as messages. */
  public Optional<String> allocate(String ip) {
    long v;
    try {
      v = toLong(ip);
    } catch (IllegalArgumentException e) {
      return Optional.of("must be a valid IP address");
    }
    long offset = v - network;
    if (offset <= 0 || offset >= size - 1) {
      return Optional.of("provided IP is not in the valid range. The range of valid IPs is "
          + toString(network) + "/" + (32 - Integer.numberOfTrailingZeros(size)));
    }
    if (!bitmap.allocate((int) offset)) {
      return Optional.of("provided IP is already allocated");
    }
    return Optional.empty();
  }

  /** Reserves any free IP; empty when the range is exhausted. */
  public Optional<String> allocateNext() {
    int lowerBand = Math.max(1, Math.min(size / 16, 256));
    var r = bitmap.allocateNext(lowerBand);
    if (r.isEmpty() || r.getAsInt() == 0 || r.getAsInt() == size - 1) {
      if (r.isPresent()) {
        // network or broadcast address: keep it taken forever and try again
        return allocateNext();
      }
      return Optional.empty();
    }
    return Optional.of(toString(network + r.getAsInt()));
  }

  public void release(String ip) {
    long offset;
    try {
      offset = toLong(ip) - network;
    } catch (IllegalArgumentException e) {
      return;
    }
    if (offset > 0 && offset < size - 1) {
      bitmap.release((int) offset);
    }
  }

  static long toLong(String ip) {
    try {
      byte[] b = InetAddress.getByName(ip).getAddress();
      if (b.length != 4 || !ip.matches("[0-9.]+")) {
        throw new IllegalArgumentException("not an IPv4 address: " + ip);
      }
      return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + ip, e);
    }
  }

  static String toString(long v) {
    return ((v >> 24) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 8) & 0xFF) + "." + (v & 0xFF);
  }
}
