package io.kube4j.apiserver.registry.core.service;

import io.fabric8.kubernetes.api.model.ClientIPConfig;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.fabric8.kubernetes.api.model.SessionAffinityConfig;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.StatusStrategy;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.IpAddresses;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import io.kube4j.apiserver.validation.core.ServiceValidation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** How services are defaulted, normalised and validated ({@code svcStrategy}). */
public final class ServiceStrategy implements Strategy<Service> {

  /** {@code v1.DefaultClientIPServiceAffinitySeconds}: three hours. */
  public static final int DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

  /**
   * {@code SetDefaults_Service}, plus the IP family fields that upstream's allocator fills in for a
   * single-stack IPv4 cluster (the family of a given cluster IP wins).
   */
  @Override
  public void applyDefaults(Service svc) {
    ServiceSpec spec = svc.getSpec();
    if (spec == null) {
      spec = new ServiceSpec();
      svc.setSpec(spec);
    }
    if (isEmpty(spec.getSessionAffinity())) {
      spec.setSessionAffinity("None");
    }
    if (spec.getSessionAffinity().equals("None")) {
      spec.setSessionAffinityConfig(null);
    }
    if (spec.getSessionAffinity().equals("ClientIP")) {
      SessionAffinityConfig c = spec.getSessionAffinityConfig();
      if (c == null || c.getClientIP() == null || c.getClientIP().getTimeoutSeconds() == null) {
        spec.setSessionAffinityConfig(new SessionAffinityConfig(new ClientIPConfig(DEFAULT_CLIENT_IP_AFFINITY_SECONDS)));
      }
    }
    if (isEmpty(spec.getType())) {
      spec.setType("ClusterIP");
    }
    if (spec.getPorts() != null) {
      for (ServicePort p : spec.getPorts()) {
        if (isEmpty(p.getProtocol())) {
          p.setProtocol("TCP");
        }
        IntOrString t = p.getTargetPort();
        if (t == null || (t.getStrVal() == null && (t.getIntVal() == null || t.getIntVal() == 0))
            || "".equals(t.getStrVal())) {
          p.setTargetPort(new IntOrString(p.getPort()));
        }
      }
    }
    if (ServiceValidation.externallyAccessible(spec) && isEmpty(spec.getExternalTrafficPolicy())) {
      spec.setExternalTrafficPolicy("Cluster");
    }
    String type = spec.getType();
    if (spec.getInternalTrafficPolicy() == null
        && (type.equals("NodePort") || type.equals("LoadBalancer") || type.equals("ClusterIP"))) {
      spec.setInternalTrafficPolicy("Cluster");
    }
    if (type.equals("LoadBalancer") && spec.getAllocateLoadBalancerNodePorts() == null) {
      spec.setAllocateLoadBalancerNodePorts(true);
    }
    if (type.equals("LoadBalancer") && svc.getStatus() != null && svc.getStatus().getLoadBalancer() != null
        && svc.getStatus().getLoadBalancer().getIngress() != null) {
      for (LoadBalancerIngress ing : svc.getStatus().getLoadBalancer().getIngress()) {
        if (!isEmpty(ing.getIp()) && ing.getIpMode() == null) {
          ing.setIpMode("VIP");
        }
      }
    }
    defaultIPFamilies(spec);
  }

  private static void defaultIPFamilies(ServiceSpec spec) {
    if (spec.getType().equals("ExternalName")) {
      return;
    }
    boolean headless = "None".equals(spec.getClusterIP())
        || (spec.getClusterIPs() != null && spec.getClusterIPs().size() == 1 && "None".equals(spec.getClusterIPs().get(0)));
    boolean selectorless = spec.getSelector() == null || spec.getSelector().isEmpty();
    if (spec.getIpFamilyPolicy() == null) {
      spec.setIpFamilyPolicy(headless && selectorless ? "RequireDualStack" : "SingleStack");
    }
    if (spec.getIpFamilies() == null || spec.getIpFamilies().isEmpty()) {
      String primary = "IPv4";
      String ip = spec.getClusterIPs() != null && !spec.getClusterIPs().isEmpty() ? spec.getClusterIPs().get(0)
          : spec.getClusterIP();
      if (ip != null && IpAddresses.isIPv6(ip)) {
        primary = "IPv6";
      }
      spec.setIpFamilies(new ArrayList<>(List.of(primary)));
    }
  }

  @Override
  public void prepareForCreate(Service svc) {
    svc.setStatus(new ServiceStatus());
    normalizeClusterIPs(null, svc.getSpec());
  }

  @Override
  public void prepareForUpdate(Service svc, Service old) {
    svc.setStatus(old.getStatus());
    patchAllocatedValues(svc.getSpec(), old.getSpec());
    normalizeClusterIPs(old.getSpec(), svc.getSpec());
  }

  @Override
  public List<FieldError> validate(Service svc) {
    return ServiceValidation.validateService(svc);
  }

  @Override
  public List<FieldError> validateUpdate(Service svc, Service old) {
    return ServiceValidation.validateServiceUpdate(svc, old);
  }

  @Override
  public Optional<StatusStrategy<Service>> statusStrategy() {
    return Optional.of(new StatusStrategy<>() {
      @Override
      public void prepareForUpdate(Service svc, Service old) {
        svc.setSpec(old.getSpec());
      }

      /** {@code ValidateServiceStatusUpdate}: load balancer ingress IPs and host names. */
      @Override
      public List<FieldError> validateUpdate(Service svc, Service old) {
        ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(svc.getMetadata(), old.getMetadata(),
            Path.root("metadata"));
        Path ingress = Path.root("status", "loadBalancer", "ingress");
        List<LoadBalancerIngress> list = svc.getStatus() == null || svc.getStatus().getLoadBalancer() == null
            || svc.getStatus().getLoadBalancer().getIngress() == null ? List.of()
            : svc.getStatus().getLoadBalancer().getIngress();
        if (!"LoadBalancer".equals(svc.getSpec().getType()) && !list.isEmpty()) {
          return errs.forbidden(ingress, "may only be used when `spec.type` is 'LoadBalancer'");
        }
        for (int i = 0; i < list.size(); i++) {
          LoadBalancerIngress ing = list.get(i);
          Path p = ingress.index(i);
          if (!isEmpty(ing.getIp())) {
            errs.addAll(Validation.isValidIP(p.child("ip"), ing.getIp()));
          }
          if (ing.getIpMode() == null) {
            if (!isEmpty(ing.getIp())) {
              errs.required(p.child("ipMode"), "must be specified when `ip` is set");
            }
          } else if (isEmpty(ing.getIp())) {
            errs.forbidden(p.child("ipMode"), "may not be specified when `ip` is not set");
          } else if (!ing.getIpMode().equals("Proxy") && !ing.getIpMode().equals("VIP")) {
            errs.notSupported(p.child("ipMode"), ing.getIpMode(), List.of("Proxy", "VIP"));
          }
          if (!isEmpty(ing.getHostname())) {
            errs.invalidEach(p.child("hostname"), ing.getHostname(), Validation.isDNS1123Subdomain(ing.getHostname()));
            if (IpAddresses.isIP(ing.getHostname())) {
              errs.invalid(p.child("hostname"), ing.getHostname(), "must be a DNS name, not an IP address");
            }
          }
        }
        return errs;
      }
    });
  }

  /**
   * {@code NormalizeClusterIPs}: old clients set only {@code clusterIP}; keep {@code clusterIPs} in step
   * so that validation sees a consistent pair.
   */
  static void normalizeClusterIPs(ServiceSpec old, ServiceSpec spec) {
    if (spec == null) {
      return;
    }
    String ip = nz(spec.getClusterIP());
    List<String> ips = spec.getClusterIPs() == null ? List.of() : spec.getClusterIPs();
    if (old == null) {
      if (!ip.isEmpty() && ips.isEmpty()) {
        spec.setClusterIPs(new ArrayList<>(List.of(ip)));
      }
      return;
    }
    List<String> oldIps = old.getClusterIPs() == null ? List.of() : old.getClusterIPs();
    if (!oldIps.isEmpty() && ips.isEmpty() && nz(old.getClusterIP()).equals(ip)) {
      spec.setClusterIPs(new ArrayList<>(oldIps));
    }
    ips = spec.getClusterIPs() == null ? List.of() : spec.getClusterIPs();
    if (!nz(old.getClusterIP()).equals(ip)) {
      if (!nz(old.getClusterIP()).isEmpty() && ip.isEmpty() && oldIps.equals(ips)) {
        spec.setClusterIPs(null);
      }
      if (!ip.isEmpty() && oldIps.equals(ips)) {
        spec.setClusterIPs(new ArrayList<>(List.of(ip)));
      }
    }
  }

  /**
   * {@code patchAllocatedValues}: a client that replaces a service without the values the server
   * allocated (cluster IPs, node ports, health check port) keeps them, where the type still needs them.
   */
  static void patchAllocatedValues(ServiceSpec spec, ServiceSpec old) {
    if (spec == null || old == null) {
      return;
    }
    if (needsClusterIP(old) && needsClusterIP(spec)) {
      if (isEmpty(spec.getClusterIP())) {
        spec.setClusterIP(old.getClusterIP());
      }
      if ((spec.getClusterIPs() == null || spec.getClusterIPs().isEmpty()) && old.getClusterIPs() != null
          && !old.getClusterIPs().isEmpty()) {
        spec.setClusterIPs(new ArrayList<>(old.getClusterIPs()));
      }
    }
    if (needsNodePort(old) && needsNodePort(spec) && spec.getPorts() != null && old.getPorts() != null) {
      Set<Integer> used = nodePorts(old);
      used.retainAll(nodePorts(spec));
      Map<String, Integer> byName = new HashMap<>();
      old.getPorts().forEach(p -> byName.put(nz(p.getName()), p.getNodePort()));
      for (ServicePort p : spec.getPorts()) {
        if (p.getNodePort() == null || p.getNodePort() == 0) {
          Integer previous = byName.get(nz(p.getName()));
          if (previous != null && !used.contains(previous)) {
            p.setNodePort(previous);
          }
        }
      }
    }
    if (ServiceValidation.needsHealthCheck(old) && ServiceValidation.needsHealthCheck(spec)
        && (spec.getHealthCheckNodePort() == null || spec.getHealthCheckNodePort() == 0)) {
      spec.setHealthCheckNodePort(old.getHealthCheckNodePort());
    }
  }

  private static Set<Integer> nodePorts(ServiceSpec spec) {
    Set<Integer> out = new HashSet<>();
    spec.getPorts().stream().map(ServicePort::getNodePort).filter(Objects::nonNull).filter(p -> p != 0).forEach(out::add);
    return out;
  }

  private static boolean needsClusterIP(ServiceSpec spec) {
    return !"ExternalName".equals(spec.getType());
  }

  private static boolean needsNodePort(ServiceSpec spec) {
    return "NodePort".equals(spec.getType())
        || ("LoadBalancer".equals(spec.getType()) && !Boolean.FALSE.equals(spec.getAllocateLoadBalancerNodePorts()));
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
