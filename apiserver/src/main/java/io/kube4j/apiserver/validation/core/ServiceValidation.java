package io.kube4j.apiserver.validation.core;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.GoSyntax;
import io.kube4j.apiserver.validation.IpAddresses;
import io.kube4j.apiserver.validation.LabelValidation;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Services: ports (named when more than one, unique by protocol and port), type, session affinity,
 * cluster IPs consistent with {@code clusterIP} and {@code ipFamilies}, and on update cluster IPs that do
 * not change once set. Mirrors {@code ValidateService} and {@code ValidateServiceUpdate}.
 */
public final class ServiceValidation {

  static final List<String> SERVICE_TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");

  private ServiceValidation() {}

  public static ErrorList validateService(Service service) {
    Path meta = Path.root("metadata");
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(service.getMetadata(), true,
        NameValidator.DNS1035_LABEL, meta);
    ServiceSpec spec = service.getSpec() == null ? new ServiceSpec() : service.getSpec();
    Map<String, String> ann = service.getMetadata().getAnnotations() == null ? Map.of()
        : service.getMetadata().getAnnotations();
    String hints = ann.get("service.kubernetes.io/topology-aware-hints");
    String mode = ann.get("service.kubernetes.io/topology-mode");
    if (hints != null && mode != null && !hints.equals(mode)) {
      errs.invalid(meta.child("annotations").key("service.kubernetes.io/topology-mode"), mode,
          "must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified");
    }
    Path specPath = Path.root("spec");
    List<ServicePort> ports = spec.getPorts() == null ? List.of() : spec.getPorts();
    String type = nz(spec.getType());
    boolean headless = isHeadless(spec);
    if (ports.isEmpty() && !headless && !type.equals("ExternalName")) {
      errs.required(specPath.child("ports"), "");
    }
    switch (type) {
      case "LoadBalancer" -> {
        if (headless) {
          errs.invalid(specPath.child("clusterIPs").index(0), spec.getClusterIPs().get(0),
              "may not be set to 'None' for LoadBalancer services");
        }
      }
      case "NodePort" -> {
        if (headless) {
          errs.invalid(specPath.child("clusterIPs").index(0), spec.getClusterIPs().get(0),
              "may not be set to 'None' for NodePort services");
        }
      }
      case "ExternalName" -> {
        if (spec.getClusterIPs() != null && !spec.getClusterIPs().isEmpty()) {
          errs.forbidden(specPath.child("clusterIPs"), "may not be set for ExternalName services");
        }
        if (spec.getIpFamilies() != null && !spec.getIpFamilies().isEmpty()) {
          errs.forbidden(specPath.child("ipFamilies"), "may not be set for ExternalName services");
        }
        if (spec.getIpFamilyPolicy() != null) {
          errs.forbidden(specPath.child("ipFamilyPolicy"), "may not be set for ExternalName services");
        }
        String cname = nz(spec.getExternalName());
        if (cname.endsWith(".")) {
          cname = cname.substring(0, cname.length() - 1);
        }
        if (!cname.isEmpty()) {
          errs.invalidEach(specPath.child("externalName"), cname, Validation.isDNS1123Subdomain(cname));
        } else {
          errs.required(specPath.child("externalName"), "");
        }
      }
      default -> { }
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      errs.addAll(validateServicePort(ports.get(i), ports.size() > 1, names, specPath.child("ports").index(i)));
    }
    if (spec.getSelector() != null) {
      errs.addAll(LabelValidation.validateLabels(spec.getSelector(), specPath.child("selector")));
    }
    String affinity = nz(spec.getSessionAffinity());
    if (affinity.isEmpty()) {
      errs.required(specPath.child("sessionAffinity"), "");
    } else if (!affinity.equals("ClientIP") && !affinity.equals("None")) {
      errs.notSupported(specPath.child("sessionAffinity"), affinity, List.of("ClientIP", "None"));
    }
    Path affinityConfig = specPath.child("sessionAffinityConfig");
    if (affinity.equals("ClientIP")) {
      if (spec.getSessionAffinityConfig() == null) {
        errs.required(affinityConfig, "when session affinity type is ClientIP");
      } else if (spec.getSessionAffinityConfig().getClientIP() == null) {
        errs.required(affinityConfig.child("clientIP"), "when session affinity type is ClientIP");
      } else if (spec.getSessionAffinityConfig().getClientIP().getTimeoutSeconds() == null) {
        errs.required(affinityConfig.child("clientIP").child("timeoutSeconds"), "when session affinity type is ClientIP");
      } else {
        int t = spec.getSessionAffinityConfig().getClientIP().getTimeoutSeconds();
        if (t <= 0 || t > 86400) {
          errs.invalid(affinityConfig.child("clientIP").child("timeoutSeconds"), t,
              "must be greater than 0 and less than 86400");
        }
      }
    } else if (affinity.equals("None") && spec.getSessionAffinityConfig() != null) {
      errs.forbidden(affinityConfig, "must not be set when session affinity is None");
    }
    errs.addAll(validateClusterIPsRelatedFields(spec));
    List<String> externalIPs = spec.getExternalIPs() == null ? List.of() : spec.getExternalIPs();
    for (int i = 0; i < externalIPs.size(); i++) {
      Path p = specPath.child("externalIPs").index(i);
      ErrorList ipErrs = Validation.isValidIP(p, externalIPs.get(i));
      errs.addAll(ipErrs.isEmpty() ? validateNonSpecialIP(externalIPs.get(i), p) : ipErrs);
    }
    if (type.isEmpty()) {
      errs.required(specPath.child("type"), "");
    } else if (!SERVICE_TYPES.contains(type)) {
      errs.notSupported(specPath.child("type"), type, SERVICE_TYPES);
    }
    if (type.equals("ClusterIP")) {
      for (int i = 0; i < ports.size(); i++) {
        if (intOf(ports.get(i).getNodePort()) != 0) {
          errs.forbidden(specPath.child("ports").index(i).child("nodePort"), "may not be used when `type` is 'ClusterIP'");
        }
      }
    }
    Set<String> nodePorts = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      ServicePort p = ports.get(i);
      if (intOf(p.getNodePort()) != 0 && !nodePorts.add(nz(p.getProtocol()) + "/" + p.getNodePort())) {
        errs.duplicate(specPath.child("ports").index(i).child("nodePort"), p.getNodePort());
      }
    }
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      ServicePort p = ports.get(i);
      if (!keys.add(nz(p.getProtocol()) + "/" + intOf(p.getPort()))) {
        errs.duplicate(specPath.child("ports").index(i), new GoSyntax("core.ServicePort{Name:\"\", Protocol:"
            + GoSyntax.quote(nz(p.getProtocol())) + ", AppProtocol:(*string)(nil), Port:" + intOf(p.getPort())
            + ", TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}"));
      }
    }
    List<String> ranges = spec.getLoadBalancerSourceRanges() == null ? List.of() : spec.getLoadBalancerSourceRanges();
    if (!ranges.isEmpty()) {
      Path p = specPath.child("LoadBalancerSourceRanges");
      if (!type.equals("LoadBalancer")) {
        errs.forbidden(p, "may only be used when `type` is 'LoadBalancer'");
      }
      for (int i = 0; i < ranges.size(); i++) {
        errs.addAll(Validation.isValidCIDR(p.index(i), ranges.get(i).strip()));
      }
    }
    if (spec.getAllocateLoadBalancerNodePorts() != null && !type.equals("LoadBalancer")) {
      errs.forbidden(specPath.child("allocateLoadBalancerNodePorts"), "may only be used when `type` is 'LoadBalancer'");
    }
    if (type.equals("LoadBalancer") && spec.getAllocateLoadBalancerNodePorts() == null) {
      errs.required(Path.root("allocateLoadBalancerNodePorts"), "");
    }
    if (spec.getLoadBalancerClass() != null) {
      if (type.equals("LoadBalancer")) {
        errs.addAll(LabelValidation.validateLabelName(spec.getLoadBalancerClass(), specPath.child("loadBalancerClass")));
      } else {
        errs.forbidden(specPath.child("loadBalancerClass"), "may only be used when `type` is 'LoadBalancer'");
      }
    }
    errs.addAll(validateExternalTrafficPolicy(spec, specPath));
    if (spec.getInternalTrafficPolicy() == null) {
      if (type.equals("NodePort") || type.equals("LoadBalancer") || type.equals("ClusterIP")) {
        errs.required(specPath.child("internalTrafficPolicy"), "");
      }
    } else if (!spec.getInternalTrafficPolicy().equals("Cluster") && !spec.getInternalTrafficPolicy().equals("Local")) {
      errs.notSupported(specPath.child("internalTrafficPolicy"), spec.getInternalTrafficPolicy(), List.of("Cluster", "Local"));
    }
    if (spec.getTrafficDistribution() != null && !spec.getTrafficDistribution().equals("PreferClose")) {
      errs.notSupported(specPath.child("trafficDistribution"), spec.getTrafficDistribution(), List.of("PreferClose"));
    }
    return errs;
  }

  private static ErrorList validateServicePort(ServicePort sp, boolean requireName, Set<String> names, Path field) {
    ErrorList errs = new ErrorList();
    String name = nz(sp.getName());
    if (requireName && name.isEmpty()) {
      errs.required(field.child("name"), "");
    } else if (!name.isEmpty()) {
      errs.invalidEach(field.child("name"), name, Validation.isDNS1123Label(name));
      if (!names.add(name)) {
        errs.duplicate(field.child("name"), name);
      }
    }
    errs.invalidEach(field.child("port"), intOf(sp.getPort()), Validation.isValidPortNum(intOf(sp.getPort())));
    String protocol = nz(sp.getProtocol());
    if (protocol.isEmpty()) {
      errs.required(field.child("protocol"), "");
    } else if (!ContainerValidation.PROTOCOLS.contains(protocol)) {
      errs.notSupported(field.child("protocol"), protocol, ContainerValidation.PROTOCOLS);
    }
    errs.addAll(ProbeValidation.validatePortNumOrName(sp.getTargetPort(), field.child("targetPort")));
    if (sp.getAppProtocol() != null) {
      errs.addAll(LabelValidation.validateLabelName(sp.getAppProtocol(), field.child("appProtocol")));
    }
    return errs;
  }

  private static ErrorList validateExternalTrafficPolicy(ServiceSpec spec, Path specPath) {
    ErrorList errs = new ErrorList();
    String policy = nz(spec.getExternalTrafficPolicy());
    if (!externallyAccessible(spec)) {
      if (!policy.isEmpty()) {
        errs.invalid(specPath.child("externalTrafficPolicy"), policy, "may only be set for externally-accessible services");
      }
    } else if (policy.isEmpty()) {
      errs.required(specPath.child("externalTrafficPolicy"), "");
    } else if (!policy.equals("Cluster") && !policy.equals("Local")) {
      errs.notSupported(specPath.child("externalTrafficPolicy"), policy, List.of("Cluster", "Local"));
    }
    int hc = intOf(spec.getHealthCheckNodePort());
    if (!needsHealthCheck(spec)) {
      if (hc != 0) {
        errs.invalid(specPath.child("healthCheckNodePort"), hc,
            "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'");
      }
    } else if (hc == 0) {
      errs.required(specPath.child("healthCheckNodePort"), "");
    } else {
      errs.invalidEach(specPath.child("healthCheckNodePort"), hc, Validation.isValidPortNum(hc));
    }
    return errs;
  }

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
    if (!isHeadless(spec) && !ips.isEmpty() && !families.isEmpty()) {
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

  /** {@code ValidateServiceUpdate}: cluster IPs and families may not change once set. */
  public static ErrorList validateServiceUpdate(Service service, Service old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(service.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    ServiceSpec n = service.getSpec() == null ? new ServiceSpec() : service.getSpec();
    ServiceSpec o = old.getSpec() == null ? new ServiceSpec() : old.getSpec();
    errs.addAll(validateUpgradeDowngradeClusterIPs(o, n));
    errs.addAll(validateUpgradeDowngradeIPFamilies(o, n));
    if ("LoadBalancer".equals(o.getType()) && "LoadBalancer".equals(n.getType())
        && !Objects.equals(o.getLoadBalancerClass(), n.getLoadBalancerClass())) {
      errs.invalid(Path.root("spec", "loadBalancerClass"),
          n.getLoadBalancerClass() == null ? new GoSyntax("null") : n.getLoadBalancerClass(), "may not change once set");
    }
    if (needsHealthCheck(o) && needsHealthCheck(n) && intOf(o.getHealthCheckNodePort()) != intOf(n.getHealthCheckNodePort())) {
      errs.forbidden(Path.root("spec", "healthCheckNodePort"), "field is immutable");
    }
    errs.addAll(validateService(service));
    return errs;
  }

  private static ErrorList validateUpgradeDowngradeClusterIPs(ServiceSpec old, ServiceSpec spec) {
    ErrorList errs = new ErrorList();
    if ("ExternalName".equals(spec.getType()) || "ExternalName".equals(old.getType())) {
      return errs;
    }
    if (isHeadless(old) && isHeadless(spec)) {
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

  private static ErrorList validateUpgradeDowngradeIPFamilies(ServiceSpec old, ServiceSpec spec) {
    ErrorList errs = new ErrorList();
    if ("ExternalName".equals(spec.getType()) || "ExternalName".equals(old.getType())
        || isHeadless(old) != isHeadless(spec) || isHeadless(spec)) {
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

  /** {@code ValidateNonSpecialIP}: no unspecified, loopback or link-local addresses. */
  public static ErrorList validateNonSpecialIP(String ip, Path field) {
    ErrorList errs = new ErrorList();
    String lower = ip.toLowerCase(java.util.Locale.ROOT);
    if (ip.equals("0.0.0.0") || lower.equals("::")) {
      errs.invalid(field, ip, "may not be unspecified (" + ip + ")");
    }
    if (ip.startsWith("127.") || lower.equals("::1")) {
      errs.invalid(field, ip, "may not be in the loopback range (127.0.0.0/8, ::1/128)");
    }
    if (ip.startsWith("169.254.") || lower.startsWith("fe8") || lower.startsWith("fe9") || lower.startsWith("fea")
        || lower.startsWith("feb")) {
      errs.invalid(field, ip, "may not be in the link-local range (169.254.0.0/16, fe80::/10)");
    }
    if (ip.startsWith("224.0.0.") || lower.startsWith("ff02:")) {
      errs.invalid(field, ip, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)");
    }
    return errs;
  }

  /** Headless: {@code clusterIPs} is exactly {@code [None]}. */
  public static boolean isHeadless(ServiceSpec spec) {
    return spec.getClusterIPs() != null && spec.getClusterIPs().size() == 1 && "None".equals(spec.getClusterIPs().get(0));
  }

  /** {@code ExternallyAccessible}: LoadBalancer, NodePort, or ClusterIP with external IPs. */
  public static boolean externallyAccessible(ServiceSpec spec) {
    String type = nz(spec.getType());
    return type.equals("LoadBalancer") || type.equals("NodePort")
        || (type.equals("ClusterIP") && spec.getExternalIPs() != null && !spec.getExternalIPs().isEmpty());
  }

  /** {@code NeedsHealthCheck}: a LoadBalancer that keeps traffic on local endpoints. */
  public static boolean needsHealthCheck(ServiceSpec spec) {
    return "LoadBalancer".equals(spec.getType()) && "Local".equals(spec.getExternalTrafficPolicy());
  }

  private static int intOf(Integer i) {
    return i == null ? 0 : i;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
