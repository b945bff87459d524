package io.kube4j.apiserver.registry.core.service.allocator;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.api.GroupKind;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.registry.generic.Reservations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A Service's cluster IP and node ports ({@code pkg/registry/core/service/storage/alloc.go}):
 * allocated on create (or taken as requested), kept across updates that leave them out (as
 * {@code patchAllocatedValues} does for {@code kubectl replace}), freed on delete.
 */
public final class ServiceReservations implements Reservations<Service> {

  private static final GroupKind SERVICE = GroupKind.of("", "Service");

  private final ClusterIpAllocator ips;
  private final NodePortAllocator ports;

  public ServiceReservations(ClusterIpAllocator ips, NodePortAllocator ports) {
    this.ips = ips;
    this.ports = ports;
  }

  @Override
  public Runnable reserve(Service svc, Optional<Service> old) {
    ServiceSpec spec = svc.getSpec();
    if (spec == null) {
      return () -> { };
    }
    old.ifPresent(o -> keepAllocated(spec, o.getSpec()));
    List<Runnable> undo = new ArrayList<>();
    try {
      reserveClusterIp(svc, spec, old, undo);
      reserveNodePorts(svc, spec, old, undo);
    } catch (RuntimeException e) {
      undo.forEach(Runnable::run);
      throw e;
    }
    return () -> undo.forEach(Runnable::run);
  }

  private void reserveClusterIp(Service svc, ServiceSpec spec, Optional<Service> old, List<Runnable> undo) {
    if ("ExternalName".equals(spec.getType())) {
      return;
    }
    String oldIp = old.map(o -> o.getSpec().getClusterIP()).orElse(null);
    String ip = spec.getClusterIP();
    if (ip != null && ip.equals(oldIp)) {
      return;
    }
    if ("None".equals(ip)) {
      spec.setClusterIPs(List.of("None"));
      return;
    }
    if (ip == null || ip.isEmpty()) {
      String got = ips.allocateNext().orElseThrow(() -> invalid(svc, FieldError.invalid("spec.clusterIPs", List.of(),
          "failed to allocate IP: range is full")));
      spec.setClusterIP(got);
      undo.add(() -> ips.release(got));
    } else {
      Optional<String> problem = ips.allocate(ip);
      if (problem.isPresent()) {
        throw invalid(svc, FieldError.invalid("spec.clusterIPs", "[]string{\"" + ip + "\"}",
            "failed to allocate IP " + ip + ": " + problem.get()));
      }
      undo.add(() -> ips.release(ip));
    }
    spec.setClusterIPs(List.of(spec.getClusterIP()));
  }

  private void reserveNodePorts(Service svc, ServiceSpec spec, Optional<Service> old, List<Runnable> undo) {
    if (!needsNodePorts(spec)) {
      return;
    }
    Set<Integer> held = old.map(o -> nodePorts(o.getSpec())).orElse(Set.of());
    List<ServicePort> list = spec.getPorts() == null ? List.of() : spec.getPorts();
    for (int i = 0; i < list.size(); i++) {
      ServicePort p = list.get(i);
      Integer wanted = p.getNodePort();
      if (wanted != null && wanted != 0) {
        if (held.contains(wanted)) {
          continue;
        }
        Optional<String> problem = ports.allocate(wanted);
        if (problem.isPresent()) {
          throw invalid(svc, FieldError.invalid("spec.ports[" + i + "].nodePort", wanted, problem.get()));
        }
        undo.add(() -> ports.release(wanted));
      } else {
        OptionalInt got = ports.allocateNext();
        if (got.isEmpty()) {
          throw invalid(svc, FieldError.invalid("spec.ports[" + i + "].nodePort", 0,
              "failed to allocate a nodePort: range is full"));
        }
        p.setNodePort(got.getAsInt());
        undo.add(() -> ports.release(got.getAsInt()));
      }
    }
  }

  @Override
  public void release(Service svc) {
    ServiceSpec spec = svc.getSpec();
    if (spec == null) {
      return;
    }
    String ip = spec.getClusterIP();
    if (ip != null && !ip.isEmpty() && !"None".equals(ip)) {
      ips.release(ip);
    }
    nodePorts(spec).forEach(ports::release);
  }

  @Override
  public void afterUpdate(Service svc, Service old) {
    Set<Integer> kept = nodePorts(svc.getSpec());
    for (int port : nodePorts(old.getSpec())) {
      if (!kept.contains(port)) {
        ports.release(port);
      }
    }
  }

  /** Values allocated before that an update left out are kept, so a replace does not reallocate. */
  private static void keepAllocated(ServiceSpec spec, ServiceSpec old) {
    if (old == null) {
      return;
    }
    if ((spec.getClusterIP() == null || spec.getClusterIP().isEmpty()) && old.getClusterIP() != null
        && !"ExternalName".equals(spec.getType())) {
      spec.setClusterIP(old.getClusterIP());
      spec.setClusterIPs(old.getClusterIPs());
    }
    if (!needsNodePorts(spec) || spec.getPorts() == null || old.getPorts() == null) {
      return;
    }
    for (ServicePort p : spec.getPorts()) {
      if (p.getNodePort() != null && p.getNodePort() != 0) {
        continue;
      }
      for (ServicePort o : old.getPorts()) {
        if (o.getNodePort() != null && o.getNodePort() != 0 && o.getPort().equals(p.getPort())
            && String.valueOf(o.getProtocol()).equals(String.valueOf(p.getProtocol()))) {
          p.setNodePort(o.getNodePort());
        }
      }
    }
  }

  private static boolean needsNodePorts(ServiceSpec spec) {
    return "NodePort".equals(spec.getType()) || "LoadBalancer".equals(spec.getType());
  }

  private static Set<Integer> nodePorts(ServiceSpec spec) {
    Set<Integer> out = new HashSet<>();
    if (spec != null && spec.getPorts() != null && needsNodePorts(spec)) {
      for (ServicePort p : spec.getPorts()) {
        if (p.getNodePort() != null && p.getNodePort() != 0) {
          out.add(p.getNodePort());
        }
      }
    }
    return out;
  }

  private static StatusException invalid(Service svc, FieldError e) {
    return StatusException.invalid(SERVICE, svc.getMetadata().getName(), List.of(e));
  }
}
