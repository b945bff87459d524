package io.kube4j.apiserver.validation.core;

import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.GoSyntax;
import io.kube4j.apiserver.validation.IpAddresses;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A service's cluster IPs and IP families: {@code clusterIPs[0]} equals {@code clusterIP}, at most one
 * address per family, families consistent with the addresses; on update, set IPs and families stay (a
 * secondary may be added or released). Mirrors {@code ValidateServiceClusterIPsRelatedFields},
 * {@code validateUpgradeDowngradeClusterIPs} and {@code validateUpgradeDowngradeIPFamilies}.
 */
final class ServiceIPValidation {

  private ServiceIPValidation() {}

  /** {@code ValidateServiceClusterIPsRelatedFields}. */
  static ErrorList validateClusterIPsRelatedFields(ServiceSpec spec) {
    ErrorList errs = new ErrorList();
    if ("ExternalName".equals(spec.getType())) {
      return errs;
    }
    Path specPath = Path.root("spec");
    Path ipsPath = specPath.child("clusterIPs");
    List<String> ips = spec.getClusterIPs() == null ? List.of() : spec.getClusterIPs();
    String clusterIP = nz(spec.getClusterIP());
    if (!clusterIP.isEmpty()) {
      if (ips.isEmpty()) {
        errs.required(ipsPath, "");
      } else if (!ips.get(0).equals(clusterIP)) {
        errs.invalid(ipsPath, GoSyntax.stringSlice(ips), "first value must match `clusterIP`");
      }
    } else if (!ips.isEmpty()) {
      errs.invalid(ipsPath, GoSyntax.stringSlice(ips), "must be empty when `clusterIP` is not specified");
    }
    List<String> families = spec.getIpFamilies() == null ? List.of() : spec.getIpFamilies();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < families.size(); i++) {
      String f = families.get(i);
      if (!f.equals("IPv4") && !f.equals("IPv6")) {
        errs.notSupported(specPath.child("ipFamilies").index(i), f, List.of("IPv4", "IPv6"));
      }
      if (!seen.add(f)) {
        errs.duplicate(specPath.child("ipFamilies").index(i), f);
      }
    }
    if (spec.getIpFamilyPolicy() != null && !List.of("PreferDualStack", "RequireDualStack", "SingleStack")
        .contains(spec.getIpFamilyPolicy())) {
      errs.notSupported(specPath.child("ipFamilyPolicy"), spec.getIpFamilyPolicy(),
          List.of("PreferDualStack", "RequireDualStack", "SingleStack"));
    }
    boolean invalidIPs = false;
    for (int i = 0; i < ips.size(); i++) {
      if (i == 0 && ips.get(0).equals("None")) {
        if (ips.size() > 1) {
          invalidIPs = true;
          errs.invalid(ipsPath, GoSyntax.stringSlice(ips), "'None' must be the first and only value");
        }
        continue;
      }
      ErrorList ipErrs = Validation.isValidIP(ipsPath.index(i), ips.get(i));
      invalidIPs |= !ipErrs.isEmpty();
      errs.addAll(ipErrs);
    }
    if (ips.size() > 2) {
      errs.invalid(ipsPath, GoSyntax.stringSlice(ips), "may only hold up to 2 values");
    }
    if (invalidIPs) {
      return errs;
    }
    if (ips.size() > 1 && IpAddresses.isIPv6(ips.get(0)) == IpAddresses.isIPv6(ips.get(1))) {
      errs.invalid(ipsPath, GoSyntax.stringSlice(ips), "may specify no more than one IP for each IP family");
    }
    if (!ServiceValidation.isHeadless(spec) && !ips.isEmpty() && !families.isEmpty()) {
      for (int i = 0; i < ips.size() && i < families.size(); i++) {
        boolean v6 = IpAddresses.isIPv6(ips.get(i));
        if (families.get(i).equals("IPv4") && v6) {
          errs.invalid(ipsPath.index(i), ips.get(i), "expected an IPv4 value as indicated by `ipFamilies[" + i + "]`");
        }
        if (families.get(i).equals("IPv6") && !v6) {
          errs.invalid(ipsPath.index(i), ips.get(i), "expected an IPv6 value as indicated by `ipFamilies[" + i + "]`");
        }
      }
    }
    return errs;
  }

  static ErrorList validateUpgradeDowngradeClusterIPs(ServiceSpec old, ServiceSpec spec) {
    ErrorList errs = new ErrorList();
    if ("ExternalName".equals(spec.getType()) || "ExternalName".equals(old.getType())) {
      return errs;
    }
    if (ServiceValidation.isHeadless(old) && ServiceValidation.isHeadless(spec)) {
      return errs;
    }
    List<String> o = old.getClusterIPs() == null ? List.of() : old.getClusterIPs();
    List<String> n = spec.getClusterIPs() == null ? List.of() : spec.getClusterIPs();
    Path ips = Path.root("spec", "clusterIPs");
    if (o.size() == n.size()) {
      for (int i = 0; i < o.size(); i++) {
        if (!o.get(i).equals(n.get(i))) {
          errs.invalid(ips.index(i), GoSyntax.stringSlice(n), "may not change once set");
        }
      }
    } else if (o.size() > n.size()) {
      if (n.isEmpty()) {
        errs.invalid(ips.index(0), GoSyntax.stringSlice(n), "primary clusterIP can not be unset");
      }
      if (!o.isEmpty() && !n.isEmpty() && !n.get(0).equals(o.get(0))) {
        errs.invalid(ips.index(0), GoSyntax.stringSlice(n), "may not change once set");
      }
      if (n.size() == 1 && !"SingleStack".equals(spec.getIpFamilyPolicy())) {
        errs.invalid(Path.root("spec", "ipFamilyPolicy"),
            spec.getIpFamilyPolicy() == null ? new GoSyntax("null") : spec.getIpFamilyPolicy(),
            "must be set to 'SingleStack' when releasing the secondary clusterIP");
      }
    } else if (!o.isEmpty() && !n.get(0).equals(o.get(0))) {
      errs.invalid(ips.index(0), GoSyntax.stringSlice(n), "may not change once set");
    }
    return errs;
  }

  static ErrorList validateUpgradeDowngradeIPFamilies(ServiceSpec old, ServiceSpec spec) {
    ErrorList errs = new ErrorList();
    if ("ExternalName".equals(spec.getType()) || "ExternalName".equals(old.getType())
        || ServiceValidation.isHeadless(old) != ServiceValidation.isHeadless(spec) || ServiceValidation.isHeadless(spec)) {
      return errs;
    }
    List<String> o = old.getIpFamilies() == null ? List.of() : old.getIpFamilies();
    List<String> n = spec.getIpFamilies() == null ? List.of() : spec.getIpFamilies();
    Path families = Path.root("spec", "ipFamilies");
    List<String> clusterIPs = spec.getClusterIPs() == null ? List.of() : spec.getClusterIPs();
    if (o.size() == n.size()) {
      for (int i = 0; i < o.size(); i++) {
        if (!o.get(i).equals(n.get(i))) {
          errs.invalid(families.index(0), GoSyntax.stringSlice(n), "may not change once set");
        }
      }
    } else if (o.size() > n.size()) {
      if (clusterIPs.isEmpty()) {
        errs.invalid(families.index(0), GoSyntax.stringSlice(n), "primary ipFamily can not be unset");
      }
      if (!n.isEmpty() && !n.get(0).equals(o.get(0))) {
        errs.invalid(families.index(0), GoSyntax.stringSlice(clusterIPs), "may not change once set");
      }
      if (n.size() == 1 && !"SingleStack".equals(spec.getIpFamilyPolicy())) {
        errs.invalid(Path.root("spec", "ipFamilyPolicy"),
            spec.getIpFamilyPolicy() == null ? new GoSyntax("null") : spec.getIpFamilyPolicy(),
            "must be set to 'SingleStack' when releasing the secondary ipFamily");
      }
    } else if (!o.isEmpty() && !n.isEmpty() && !n.get(0).equals(o.get(0))) {
      errs.invalid(families.index(0), GoSyntax.stringSlice(clusterIPs), "may not change once set");
    }
    return errs;
  }


  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
