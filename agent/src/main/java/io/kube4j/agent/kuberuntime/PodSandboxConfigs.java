package io.kube4j.agent.kuberuntime;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.kube4j.agent.cri.v1.LinuxPodSandboxConfig;
import io.kube4j.agent.cri.v1.PodSandboxConfig;
import io.kube4j.agent.cri.v1.PodSandboxMetadata;
import io.kube4j.agent.cri.v1.PortMapping;
import io.kube4j.agent.cri.v1.Protocol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Pod as CRI's PodSandboxConfig, after kubelet's {@code generatePodSandboxConfig} and
 * {@code generatePodSandboxLinuxConfig} ({@code kuberuntime_sandbox.go}, {@code
 * kuberuntime_sandbox_linux.go}). The sandbox is the pod's shared environment: network namespace
 * (and so its IP), hostname, DNS, the cgroup every container sits under.
 */
public final class PodSandboxConfigs {

  /** Linux hostnames are at most 63 characters (one DNS label). */
  static final int HOSTNAME_MAX_LENGTH = 63;

  private PodSandboxConfigs() {}

  /** {@code attempt} counts sandboxes made for this pod: a replaced sandbox gets the next number. */
  public static PodSandboxConfig generate(Pod pod, int attempt, NodeFacts node) {
    var meta = pod.getMetadata();
    PodSandboxConfig.Builder config = PodSandboxConfig.newBuilder()
        .setMetadata(PodSandboxMetadata.newBuilder().setName(meta.getName()).setNamespace(meta.getNamespace())
            .setUid(meta.getUid()).setAttempt(attempt))
        .putAllLabels(Labels.newPodLabels(pod))
        .putAllAnnotations(Labels.newPodAnnotations(pod))
        .setDnsConfig(PodDns.forPod(pod, node))
        .setLogDirectory(podLogsDirectory(node.podLogsRoot(), meta.getNamespace(), meta.getName(), meta.getUid()).toString())
        .addAllPortMappings(portMappings(pod))
        .setLinux(linuxConfig(pod, node));
    // a hostNetwork pod shares the node's UTS namespace: runc refuses to set a hostname there
    if (!Boolean.TRUE.equals(pod.getSpec().getHostNetwork())) {
      config.setHostname(hostname(pod, node.clusterDomain()));
    }
    return config.build();
  }

  /** {@code /var/log/pods/<namespace>_<name>_<uid>}: kubelet's BuildPodLogsDirectory. */
  public static Path podLogsDirectory(Path root, String namespace, String name, String uid) {
    return root.resolve(namespace + "_" + name + "_" + uid);
  }

  static LinuxPodSandboxConfig linuxConfig(Pod pod, NodeFacts node) {
    LinuxPodSandboxConfig.Builder linux = LinuxPodSandboxConfig.newBuilder()
        .setCgroupParent(Qos.podCgroupParent(pod, node.cgroupRoot()))
        .setSecurityContext(SecurityContexts.forSandbox(pod));
    var psc = pod.getSpec().getSecurityContext();
    if (psc != null && psc.getSysctls() != null) {
      for (Sysctl s : psc.getSysctls()) {
        linux.putSysctls(s.getName(), s.getValue());
      }
    }
    return linux.build();
  }

  /**
   * {@code spec.hostname} or the pod name, cut to 63 characters without a trailing '-' or '.';
   * with setHostnameAsFQDN and a subdomain, {@code <hostname>.<subdomain>.<ns>.svc.<domain>}.
   */
  static String hostname(Pod pod, String clusterDomain) {
    var spec = pod.getSpec();
    String hostname = spec.getHostname() != null && !spec.getHostname().isEmpty() ? spec.getHostname()
        : pod.getMetadata().getName();
    if (hostname.length() > HOSTNAME_MAX_LENGTH) {
      hostname = hostname.substring(0, HOSTNAME_MAX_LENGTH).replaceAll("[-.]+$", "");
    }
    String subdomain = spec.getSubdomain();
    if (Boolean.TRUE.equals(spec.getSetHostnameAsFQDN()) && subdomain != null && !subdomain.isEmpty()) {
      String fqdn = hostname + "." + subdomain + "." + pod.getMetadata().getNamespace() + ".svc." + clusterDomain;
      if (fqdn.length() > 64) {
        throw new CreateContainerConfigException("failed to construct FQDN from pod hostname and cluster domain, FQDN "
            + fqdn + " is too long (64 characters is the max, " + fqdn.length() + " characters requested)");
      }
      return fqdn;
    }
    return hostname;
  }

  /**
   * Every declared port of the app containers (kubelet's MakePortMappings): the runtime publishes
   * only those with a hostPort. A port name used twice in one container is kept once.
   */
  static List<PortMapping> portMappings(Pod pod) {
    List<PortMapping> mappings = new ArrayList<>();
    for (Container c : pod.getSpec().getContainers()) {
      Set<String> names = new HashSet<>();
      for (ContainerPort p : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
        String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
        String hostIp = p.getHostIP() == null ? "" : p.getHostIP();
        int hostPort = p.getHostPort() == null ? 0 : p.getHostPort();
        String family = hostIp.isEmpty() ? "any" : hostIp.contains(":") ? "v6" : "v4";
        String name = p.getName() != null && !p.getName().isEmpty() ? p.getName()
            : family + "-" + protocol + "-" + hostIp + ":" + p.getContainerPort() + ":" + hostPort;
        if (!names.add(name)) {
          continue;
        }
        mappings.add(PortMapping.newBuilder().setProtocol(protocol(protocol)).setContainerPort(p.getContainerPort())
            .setHostPort(hostPort).setHostIp(hostIp).build());
      }
    }
    return mappings;
  }

  private static Protocol protocol(String p) {
    return switch (p) {
      case "UDP" -> Protocol.UDP;
      case "SCTP" -> Protocol.SCTP;
      default -> Protocol.TCP;
    };
  }
}
