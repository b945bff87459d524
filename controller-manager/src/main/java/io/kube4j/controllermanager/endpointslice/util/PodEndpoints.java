package io.kube4j.controllermanager.endpointslice.util;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * How a pod appears behind a Service ({@code controller_utils.go} upstream): whether it is an
 * endpoint at all, whether it is ready, its IPs, its hostname, and the container port a service
 * port's {@code targetPort} names.
 */
public final class PodEndpoints {

  private PodEndpoints() {}

  /** {@code IsPodReady}: the pod's {@code Ready} condition is {@code True}. */
  public static boolean isPodReady(Pod pod) {
    return readyCondition(pod).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /** The pod's {@code Ready} condition, whose {@code lastTransitionTime} is the endpoint trigger time. */
  public static Optional<PodCondition> readyCondition(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
  }

  /**
   * {@code ShouldPodBeInEndpoints}: a pod that has finished (Succeeded or Failed) or has no IP yet
   * is no endpoint; a pod being deleted is one only when {@code includeTerminating} (the
   * EndpointSlice controller always, marking it terminating; the endpoints controller only for a
   * Service that publishes not-ready addresses).
   */
  public static boolean shouldPodBeInEndpoints(Pod pod, boolean includeTerminating) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      return false;
    }
    if (podIPs(pod).isEmpty()) {
      return false;
    }
    return includeTerminating || pod.getMetadata().getDeletionTimestamp() == null;
  }

  /**
   * The pod's IPs, primary first: {@code status.podIPs}, or {@code status.podIP} alone when a writer
   * set only that.
   */
  public static List<String> podIPs(Pod pod) {
    if (pod.getStatus() == null) {
      return List.of();
    }
    List<String> ips = new ArrayList<>();
    if (pod.getStatus().getPodIPs() != null) {
      pod.getStatus().getPodIPs().stream().map(PodIP::getIp).filter(ip -> ip != null && !ip.isEmpty())
          .forEach(ips::add);
    }
    String primary = pod.getStatus().getPodIP();
    if (ips.isEmpty() && primary != null && !primary.isEmpty()) {
      ips.add(primary);
    }
    return ips;
  }

  /** Whether an IP literal is IPv6 (the only kind with a colon). */
  public static boolean isIPv6(String ip) {
    return ip.indexOf(':') >= 0;
  }

  /**
   * {@code ShouldSetHostname}: the pod asked for a DNS name under this Service
   * ({@code spec.hostname} set and {@code spec.subdomain} equal to the Service's name, same namespace),
   * as a headless Service's per-pod records need.
   */
  public static boolean shouldSetHostname(Pod pod, Service service) {
    String hostname = pod.getSpec() == null ? null : pod.getSpec().getHostname();
    return hostname != null && !hostname.isEmpty()
        && Objects.equals(pod.getSpec().getSubdomain(), service.getMetadata().getName())
        && Objects.equals(pod.getMetadata().getNamespace(), service.getMetadata().getNamespace());
  }

  /**
   * {@code FindPort}: the port on the pod a service port sends to. A number is used as it is (an
   * unset {@code targetPort} means the service port's own number); a name is looked up among the
   * named ports, of the same protocol, of the pod's containers and sidecars (init containers with
   * {@code restartPolicy: Always}). Empty when the pod has no such named port: the pod is then no
   * endpoint for that service port.
   */
  public static OptionalInt findPort(Pod pod, ServicePort servicePort) {
    IntOrString target = servicePort.getTargetPort();
    if (target == null || (target.getStrVal() == null && target.getIntVal() == null)) {
      return OptionalInt.of(servicePort.getPort());
    }
    if (target.getStrVal() == null) {
      int port = target.getIntVal();
      return OptionalInt.of(port == 0 ? servicePort.getPort() : port);
    }
    String protocol = servicePort.getProtocol() == null ? "TCP" : servicePort.getProtocol();
    return containersWithPorts(pod)
        .flatMap(c -> c.getPorts().stream())
        .filter(p -> target.getStrVal().equals(p.getName())
            && protocol.equals(p.getProtocol() == null ? "TCP" : p.getProtocol()))
        .mapToInt(ContainerPort::getContainerPort)
        .findFirst();
  }

  private static Stream<Container> containersWithPorts(Pod pod) {
    if (pod.getSpec() == null) {
      return Stream.empty();
    }
    Stream<Container> containers = pod.getSpec().getContainers() == null ? Stream.empty()
        : pod.getSpec().getContainers().stream();
    Stream<Container> sidecars = pod.getSpec().getInitContainers() == null ? Stream.empty()
        : pod.getSpec().getInitContainers().stream().filter(c -> "Always".equals(c.getRestartPolicy()));
    return Stream.concat(containers, sidecars).filter(c -> c.getPorts() != null);
  }
}
