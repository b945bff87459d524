package io.kube4j.agent.runtime.simulated;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out IPv4 addresses from one CIDR as CNI's host-local IPAM does: the network address and the
 * first host (the bridge's gateway) are skipped, the next free one after the last handed out is
 * taken, wrapping around. Example: {@code 10.244.1.0/24} gives {@code 10.244.1.2} ... {@code 10.244.1.254}.
 * Thread-safe.
 */
final class PodIpAllocator {

  private final String cidr;
  private final int network;
  private final int size;
  /** Guarded by {@code this}. */
  private final Set<Integer> used = new HashSet<>();
  private int next = 2;

  PodIpAllocator(String cidr) {
    this.cidr = cidr;
    String[] parts = cidr.split("/");
    int prefix = Integer.parseInt(parts[1]);
    if (prefix < 8 || prefix > 30) {
      throw new IllegalArgumentException("pod CIDR " + cidr + ": prefix must be between /8 and /30");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(parts[0]).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("pod CIDR " + cidr + " is not an IPv4 network", e);
    }
    if (bytes.length != 4) {
      throw new IllegalArgumentException("pod CIDR " + cidr + " is not an IPv4 network");
    }
    int address = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
    this.size = 1 << (32 - prefix);
    this.network = address & -size;
  }

  String cidr() {
    return cidr;
  }

  /** The next free address; the broadcast address is never handed out. */
  synchronized String allocate() {
    for (int tried = 0; tried < size; tried++) {
      int offset = next;
      next = next + 1 >= size - 1 ? 2 : next + 1;
      if (used.add(offset)) {
        return format(network + offset);
      }
    }
    throw new IllegalStateException("no free IP address left in " + cidr);
  }

  synchronized void release(String ip) {
    try {
      byte[] b = InetAddress.getByName(ip).getAddress();
      int address = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
      used.remove(address - network);
    } catch (UnknownHostException e) {
      // not one of ours
    }
  }

  private static String format(int a) {
    return (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
  }
}
