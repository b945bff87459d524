package io.kube4j.apiserver.validation.core;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.GoSyntax;
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
    errs.addAll(ServiceIPValidation.validateClusterIPsRelatedFields(spec));
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

  /** {@code ValidateServiceUpdate}: cluster IPs and families may not change once set. */
  public static ErrorList validateServiceUpdate(Service service, Service old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(service.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    ServiceSpec n = service.getSpec() == null ? new ServiceSpec() : service.getSpec();
    ServiceSpec o = old.getSpec() == null ? new ServiceSpec() : old.getSpec();
    errs.addAll(ServiceIPValidation.validateUpgradeDowngradeClusterIPs(o, n));
    errs.addAll(ServiceIPValidation.validateUpgradeDowngradeIPFamilies(o, n));
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
