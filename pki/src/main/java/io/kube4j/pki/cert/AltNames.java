package io.kube4j.pki.cert;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Subject alternative names of a serving certificate. Go's TLS stack checks host names against
 * these only (the subject CN is ignored), so every name and address a client dials must be here.
 * Duplicates are dropped and first-seen order kept, as upstream's {@code RemoveDuplicateAltNames}.
 */
public record AltNames(List<String> dnsNames, List<InetAddress> ips) {

  public AltNames {
    dnsNames = List.copyOf(new LinkedHashSet<>(dnsNames));
    ips = List.copyOf(new LinkedHashSet<>(ips));
  }

  public static AltNames none() {
    return new AltNames(List.of(), List.of());
  }

  /** These names plus {@code other}'s, in order, without duplicates. */
  public AltNames plus(AltNames other) {
    List<String> dns = new ArrayList<>(dnsNames);
    dns.addAll(other.dnsNames);
    List<InetAddress> addresses = new ArrayList<>(ips);
    addresses.addAll(other.ips);
    return new AltNames(dns, addresses);
  }

  /** True when every name and address of {@code other} is also here (order does not matter). */
  public boolean covers(AltNames other) {
    return dnsNames.containsAll(other.dnsNames) && ips.containsAll(other.ips);
  }

  public boolean isEmpty() {
    return dnsNames.isEmpty() && ips.isEmpty();
  }
}
