package io.kube4j.pki;

import io.kube4j.pki.cert.AltNames;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/**
 * What varies between clusters' PKIs: the host name and extra names or addresses the apiserver is
 * reached by, and the first service IP (the ClusterIP of the {@code kubernetes} Service, which pods
 * dial). {@code clock} decides validity periods; tests pass a fixed one.
 */
public record ClusterPkiOptions(String hostName, InetAddress serviceIp, AltNames extraApiServerNames, Clock clock) {

  /** First address of the default {@code --service-cluster-ip-range=10.96.0.0/12}. */
  public static final String DEFAULT_SERVICE_IP = "10.96.0.1";

  public ClusterPkiOptions {
    Objects.requireNonNull(hostName, "hostName");
    Objects.requireNonNull(serviceIp, "serviceIp");
    Objects.requireNonNull(extraApiServerNames, "extraApiServerNames");
    Objects.requireNonNull(clock, "clock");
  }

  public static ClusterPkiOptions defaults() {
    return new ClusterPkiOptions(localHostName(), literal(DEFAULT_SERVICE_IP), AltNames.none(), Clock.systemUTC());
  }

  public ClusterPkiOptions withHostName(String newHostName) {
    return new ClusterPkiOptions(newHostName, serviceIp, extraApiServerNames, clock);
  }

  public ClusterPkiOptions withServiceIp(InetAddress newServiceIp) {
    return new ClusterPkiOptions(hostName, newServiceIp, extraApiServerNames, clock);
  }

  public ClusterPkiOptions withExtraApiServerNames(AltNames names) {
    return new ClusterPkiOptions(hostName, serviceIp, names, clock);
  }

  public ClusterPkiOptions withClock(Clock newClock) {
    return new ClusterPkiOptions(hostName, serviceIp, extraApiServerNames, newClock);
  }

  /** An IP literal as an address; never a DNS lookup. */
  public static InetAddress literal(String ip) {
    try {
      if (!ip.matches("[0-9a-fA-F:.]+")) {
        throw new IllegalArgumentException("not an IP address: " + ip);
      }
      return InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + ip, e);
    }
  }

  /** This machine's host name, lower-cased as DNS names in certificates are compared. */
  static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
