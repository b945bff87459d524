package io.kube4j.controllermanager.nodeipam;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.BitSet;
import java.util.Optional;

/**
 * The node-sized subnets of an IPv4 cluster CIDR, each free or taken ({@code cidrset.CidrSet}): a
 * /16 cut into /24s is 256 subnets, numbered from the start of the range. Allocation continues after
 * the last one given, as upstream's does, so a released subnet is not handed out again at once.
 */
final class CidrSet {

  private final long base;
  private final int clusterPrefix;
  private final int nodePrefix;
  private final int size;
  private final BitSet used;
  private int next;

  /** @param clusterCidr e.g. {@code 10.244.0.0/16}; @param nodePrefix e.g. 24 */
  CidrSet(String clusterCidr, int nodePrefix) {
    String[] parts = clusterCidr.split("/");
    this.clusterPrefix = Integer.parseInt(parts[1]);
    if (nodePrefix < clusterPrefix || nodePrefix > 32) {
      throw new IllegalArgumentException("--node-cidr-mask-size " + nodePrefix + " does not fit in --cluster-cidr "
          + clusterCidr);
    }
    if (nodePrefix - clusterPrefix > 24) {
      throw new IllegalArgumentException("--cluster-cidr " + clusterCidr + " has too many /" + nodePrefix + " subnets");
    }
    this.nodePrefix = nodePrefix;
    long address = toLong(parse(parts[0]));
    long mask = clusterPrefix == 0 ? 0 : (0xFFFFFFFFL << (32 - clusterPrefix)) & 0xFFFFFFFFL;
    this.base = address & mask;
    this.size = 1 << (nodePrefix - clusterPrefix);
    this.used = new BitSet(size);
  }

  /** The next free subnet, taken; empty when every subnet is taken ({@code ErrCIDRRangeNoCIDRsRemaining}). */
  synchronized Optional<String> allocateNext() {
    for (int i = 0; i < size; i++) {
      int candidate = (next + i) % size;
      if (!used.get(candidate)) {
        used.set(candidate);
        next = (candidate + 1) % size;
        return Optional.of(cidr(candidate));
      }
    }
    return Optional.empty();
  }

  /** Marks {@code cidr} taken (a node that has it already); false when it is not one of this set's subnets. */
  synchronized boolean occupy(String cidr) {
    int index = index(cidr);
    if (index < 0) {
      return false;
    }
    used.set(index);
    return true;
  }

  synchronized void release(String cidr) {
    int index = index(cidr);
    if (index >= 0) {
      used.clear(index);
    }
  }

  synchronized boolean isTaken(String cidr) {
    int index = index(cidr);
    return index >= 0 && used.get(index);
  }

  private String cidr(int index) {
    long address = base + ((long) index << (32 - nodePrefix));
    return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "."
        + (address & 0xFF) + "/" + nodePrefix;
  }

  /** The subnet's number, or -1 when it is not exactly one of this set's subnets. */
  private int index(String cidr) {
    String[] parts = cidr.split("/");
    if (parts.length != 2 || Integer.parseInt(parts[1]) != nodePrefix) {
      return -1;
    }
    long address;
    try {
      address = toLong(parse(parts[0]));
    } catch (IllegalArgumentException e) {
      return -1;
    }
    long offset = address - base;
    long step = 1L << (32 - nodePrefix);
    if (offset < 0 || offset % step != 0 || offset / step >= size) {
      return -1;
    }
    return (int) (offset / step);
  }

  private static byte[] parse(String ip) {
    try {
      byte[] bytes = InetAddress.getByName(ip).getAddress();
      if (bytes.length != 4 || !ip.matches("[0-9.]+")) {
        throw new IllegalArgumentException("not an IPv4 address: " + ip);
      }
      return bytes;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IPv4 address: " + ip, e);
    }
  }

  private static long toLong(byte[] b) {
    return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
  }
}
