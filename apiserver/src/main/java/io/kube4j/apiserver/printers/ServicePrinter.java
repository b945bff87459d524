package io.kube4j.apiserver.printers;

import static io.kube4j.apiserver.printers.Formats.orEmpty;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code kubectl get services}: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE | SELECTOR. A port of
 * {@code printService}. EXTERNAL-IP is {@code <none>} for ClusterIP and NodePort services without
 * {@code externalIPs}, the load-balancer ingress (or {@code <pending>} until one is assigned) for
 * LoadBalancer, and the DNS name for ExternalName. PORT(S) reads {@code 80/TCP,443:30443/TCP}, the node
 * port after the colon.
 */
final class ServicePrinter implements TablePrinter<Service> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("Type", "type determines how the Service is exposed. Defaults to ClusterIP. Valid options"
          + " are ExternalName, ClusterIP, NodePort, and LoadBalancer."),
      Columns.string("Cluster-IP", "clusterIP is the IP address of the service and is usually assigned"
          + " randomly."),
      Columns.string("External-IP", "externalIPs is a list of IP addresses for which nodes in the cluster will"
          + " also accept traffic for this service."),
      Columns.string("Port(s)", "The list of ports that are exposed by this service."),
      Columns.age(),
      Columns.wide("Selector", "Route service traffic to pods with label keys and values matching this"
          + " selector."));

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Service svc, Instant now) {
    ServiceSpec spec = svc.getSpec() == null ? new ServiceSpec() : svc.getSpec();
    List<String> clusterIps = orEmpty(spec.getClusterIPs());
    String ports = portString(orEmpty(spec.getPorts()));
    return List.of(
        Formats.name(svc),
        orEmpty(spec.getType()),
        clusterIps.isEmpty() ? Formats.NONE : clusterIps.get(0),
        externalIp(svc, spec),
        ports.isEmpty() ? Formats.NONE : ports,
        Formats.age(svc, now),
        Formats.formatLabels(spec.getSelector()));
  }

  /** {@code getServiceExternalIP}, as printed with {@code wide} (the server always prints wide: no clipping). */
  private static String externalIp(Service svc, ServiceSpec spec) {
    List<String> externalIps = orEmpty(spec.getExternalIPs());
    switch (orEmpty(spec.getType())) {
      case "ClusterIP", "NodePort" -> {
        return externalIps.isEmpty() ? Formats.NONE : String.join(",", externalIps);
      }
      case "LoadBalancer" -> {
        String lbIps = loadBalancerIngress(svc);
        if (!externalIps.isEmpty()) {
          List<String> results = new ArrayList<>();
          if (!lbIps.isEmpty()) {
            results.addAll(List.of(lbIps.split(",")));
          }
          results.addAll(externalIps);
          return String.join(",", results);
        }
        return lbIps.isEmpty() ? "<pending>" : lbIps;
      }
      case "ExternalName" -> {
        return orEmpty(spec.getExternalName());
      }
      default -> {
        return Formats.UNKNOWN;
      }
    }
  }

  /** {@code loadBalancerStatusStringer}: ingress IPs, else hostnames, sorted and de-duplicated. */
  private static String loadBalancerIngress(Service svc) {
    TreeSet<String> result = new TreeSet<>();
    if (svc.getStatus() != null && svc.getStatus().getLoadBalancer() != null) {
      for (LoadBalancerIngress ingress : orEmpty(svc.getStatus().getLoadBalancer().getIngress())) {
        if (!orEmpty(ingress.getIp()).isEmpty()) {
          result.add(ingress.getIp());
        } else if (!orEmpty(ingress.getHostname()).isEmpty()) {
          result.add(ingress.getHostname());
        }
      }
    }
    return String.join(",", result);
  }

  /** {@code makePortString}: {@code port/protocol}, or {@code port:nodePort/protocol}. */
  static String portString(List<ServicePort> ports) {
    List<String> pieces = new ArrayList<>();
    for (ServicePort p : ports) {
      long nodePort = Formats.orZero(p.getNodePort());
      String protocol = orEmpty(p.getProtocol());
      pieces.add(nodePort > 0
          ? Formats.orZero(p.getPort()) + ":" + nodePort + "/" + protocol
          : Formats.orZero(p.getPort()) + "/" + protocol);
    }
    return String.join(",", pieces);
  }
}
