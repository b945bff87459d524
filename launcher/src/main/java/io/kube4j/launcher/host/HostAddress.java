package io.kube4j.launcher.host;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The address other machines reach this one by: the apiserver's {@code --advertise-address}
 * (published in the {@code kubernetes} Service's Endpoints) and a name in its certificate. Like
 * upstream's {@code ChooseHostInterface}, it is the first IPv4 address of the interface that holds
 * the default route; failing that, of any interface that is up; failing that, 127.0.0.1.
 */
public final class HostAddress {

  private HostAddress() {}

  public static String advertiseAddress() {
    Optional<String> viaDefaultRoute = readRouteTable().flatMap(HostAddress::defaultRouteInterface)
        .flatMap(HostAddress::ipv4Of);
    return viaDefaultRoute.or(HostAddress::anyUpInterfaceIpv4).orElse("127.0.0.1");
  }

  /**
   * The interface of the default route in {@code /proc/net/route} text: the first line whose
   * destination and mask are 0 (columns: Iface Destination Gateway Flags RefCnt Use Metric Mask ...).
   */
  static Optional<String> defaultRouteInterface(String procNetRoute) {
    for (String line : procNetRoute.split("\n")) {
      String[] columns = line.trim().split("\\s+");
      if (columns.length >= 8 && columns[1].equals("00000000") && columns[7].equals("00000000")) {
        return Optional.of(columns[0]);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> readRouteTable() {
    try {
      return Optional.of(Files.readString(Path.of("/proc/net/route")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> ipv4Of(String interfaceName) {
    try {
      NetworkInterface nic = NetworkInterface.getByName(interfaceName);
      return nic == null ? Optional.empty() : ipv4Of(nic);
    } catch (SocketException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> ipv4Of(NetworkInterface nic) {
    return nic.inetAddresses()
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .map(InetAddress::getHostAddress)
        .findFirst();
  }

  private static Optional<String> anyUpInterfaceIpv4() {
    try {
      List<NetworkInterface> nics = Collections.list(NetworkInterface.getNetworkInterfaces());
      for (NetworkInterface nic : nics) {
        if (nic.isUp() && !nic.isLoopback()) {
          Optional<String> address = ipv4Of(nic);
          if (address.isPresent()) {
            return address;
          }
        }
      }
    } catch (SocketException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
