package io.kube4j.apiserver.validation;

/**
 * Parses IP literals without touching DNS ({@code InetAddress.getByName} would resolve host names), with
 * the leniency of {@code netutils.ParseIPSloppy}: IPv4 octets may carry leading zeros.
 */
public final class IpAddresses {

  private IpAddresses() {}

  public static boolean isIP(String s) {
    return isIPv4(s) || isIPv6(s);
  }

  public static boolean isIPv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
          || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  public static boolean isIPv6(String s) {
    if (s.isEmpty() || !s.contains(":") || s.contains(":::")) {
      return false;
    }
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String[] groups = s.split(":", -1);
    int words = 0;
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      if (g.isEmpty()) {
        // empty groups are only the ends of a "::"
        boolean edgeOfDoubleColon = doubleColon >= 0;
        if (!edgeOfDoubleColon) {
          return false;
        }
        continue;
      }
      if (i == groups.length - 1 && g.contains(".")) {
        if (!isIPv4(g)) {
          return false;
        }
        words += 2;
        continue;
      }
      if (g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        return false;
      }
      words++;
    }
    // a single ':' at either end is not allowed
    if ((s.startsWith(":") && !s.startsWith("::")) || (s.endsWith(":") && !s.endsWith("::"))) {
      return false;
    }
    return doubleColon >= 0 ? words < 8 : words == 8;
  }

  /** {@code a.b.c.d/n} or {@code v6/n} with n within the family's bit length. */
  public static boolean isCIDR(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String ip = s.substring(0, slash);
    String bits = s.substring(slash + 1);
    if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int n = Integer.parseInt(bits);
    if (isIPv4(ip)) {
      return n <= 32;
    }
    return isIPv6(ip) && n <= 128;
  }
}
