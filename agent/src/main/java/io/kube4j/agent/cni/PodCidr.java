package io.kube4j.agent.cni;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A node's pod range ({@code spec.podCIDR}, e.g. {@code 10.244.1.0/24}) and the gateway address the
 * bridge takes in it: the first host address, {@code 10.244.1.1}. Pods get the addresses after it.
 */
public record PodCidr(InetAddress network, int prefixLength) {

  public PodCidr {
    int bits = network.getAddress().length * 8;
    if (prefixLength < 0 || prefixLength > bits - 2) {
      throw new IllegalArgumentException("prefix /" + prefixLength + " leaves no room for pods in " + network.getHostAddress());
    }
    byte[] a = network.getAddress();
    for (int bit = prefixLength; bit < bits; bit++) {
      if ((a[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
        throw new IllegalArgumentException(network.getHostAddress() + "/" + prefixLength + " has host bits set");
      }
    }
  }

  /** Parses {@code 10.244.1.0/24} or {@code fd00:10:244:1::/64}. */
  public static PodCidr parse(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR: " + cidr);
    }
    String address = cidr.substring(0, slash);
    if (!address.matches("[0-9a-fA-F:.]+")) {   // InetAddress would otherwise resolve a host name
      throw new IllegalArgumentException("not an IP address: " + address);
    }
    try {
      return new PodCidr(InetAddress.getByName(address), Integer.parseInt(cidr.substring(slash + 1)));
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("not a CIDR: " + cidr, e);
    }
  }

  /** The network address plus one. */
  public InetAddress gateway() {
    byte[] a = network.getAddress().clone();
    for (int i = a.length - 1; i >= 0; i--) {
      if (++a[i] != 0) {
        break;
      }
    }
    try {
      return InetAddress.getByAddress(a);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean isIpv6() {
    return network.getAddress().length == 16;
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefixLength;
  }
}
