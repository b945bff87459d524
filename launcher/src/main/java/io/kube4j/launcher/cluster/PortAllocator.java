package io.kube4j.launcher.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Picks free TCP ports for a cluster's etcd, so that clusters in different state directories
 * never collide. Ports are drawn from {@value #LOW}–{@value #HIGH}: below the NodePort range
 * (30000–32767) and below Linux's ephemeral range (32768–60999), so neither a Service nor the
 * source port of some outgoing connection is likely to take the port when the cluster restarts.
 */
public final class PortAllocator {

  static final int LOW = 20000;
  static final int HIGH = 29999;
  private static final int ATTEMPTS = 500;

  private final Random random;
  private final IntPredicate isFree;

  public PortAllocator(Random random, IntPredicate isFree) {
    this.random = random;
    this.isFree = isFree;
  }

  public static PortAllocator system() {
    return new PortAllocator(new Random(), PortAllocator::isFree);
  }

  /** A port that is free now and not in {@code taken} (ports already assigned but not yet bound). */
  public int pick(Set<Integer> taken) {
    for (int i = 0; i < ATTEMPTS; i++) {
      int port = LOW + random.nextInt(HIGH - LOW + 1);
      if (!taken.contains(port) && isFree.test(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port found in " + LOW + "-" + HIGH + " after " + ATTEMPTS + " attempts");
  }

  /**
   * True when a server could bind {@code port} on every address now. SO_REUSEADDR is set as Go's
   * and Netty's listeners set it, so connections lingering in TIME_WAIT do not count as "in use".
   */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
