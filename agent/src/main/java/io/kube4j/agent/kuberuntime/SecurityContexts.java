package io.kube4j.agent.kuberuntime;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.kube4j.agent.cri.v1.Capability;
import io.kube4j.agent.cri.v1.Int64Value;
import io.kube4j.agent.cri.v1.LinuxContainerSecurityContext;
import io.kube4j.agent.cri.v1.LinuxSandboxSecurityContext;
import io.kube4j.agent.cri.v1.NamespaceMode;
import io.kube4j.agent.cri.v1.NamespaceOption;
import io.kube4j.agent.cri.v1.SecurityProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Pod and container security contexts as CRI sees them, after kubelet's {@code security_context.go},
 * {@code pkg/securitycontext/util.go} and {@code kubelet/util/namespaces.go}. Container settings
 * override the pod's; namespaces are the pod's (hostNetwork, hostPID, hostIPC, shareProcessNamespace).
 */
public final class SecurityContexts {

  /** What /proc and /sys paths a non-privileged container cannot see ({@code defaultMaskedPaths}). */
  public static final List<String> DEFAULT_MASKED_PATHS = List.of("/proc/asound", "/proc/acpi", "/proc/kcore",
      "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
      "/sys/firmware", "/sys/devices/virtual/powercap");
  public static final List<String> DEFAULT_READONLY_PATHS =
      List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");
  /** kubelet's {@code --seccomp-profile-root} default; Localhost profiles are relative to it. */
  public static final String SECCOMP_PROFILE_ROOT = "/var/lib/kubelet/seccomp";

  private SecurityContexts() {}

  /**
   * NODE for host namespaces, else network and IPC per pod; PID per container unless
   * shareProcessNamespace puts every container in the pod's.
   */
  public static NamespaceOption namespacesForPod(Pod pod) {
    var spec = pod.getSpec();
    NamespaceMode pid = Boolean.TRUE.equals(spec.getHostPID()) ? NamespaceMode.NODE
        : Boolean.TRUE.equals(spec.getShareProcessNamespace()) ? NamespaceMode.POD : NamespaceMode.CONTAINER;
    return NamespaceOption.newBuilder()
        .setNetwork(Boolean.TRUE.equals(spec.getHostNetwork()) ? NamespaceMode.NODE : NamespaceMode.POD)
        .setPid(pid)
        .setIpc(Boolean.TRUE.equals(spec.getHostIPC()) ? NamespaceMode.NODE : NamespaceMode.POD)
        .build();
  }

  /** The sandbox's: privileged if any container is, always the runtime's default seccomp profile. */
  public static LinuxSandboxSecurityContext forSandbox(Pod pod) {
    LinuxSandboxSecurityContext.Builder sc = LinuxSandboxSecurityContext.newBuilder()
        .setNamespaceOptions(namespacesForPod(pod))
        .setPrivileged(hasPrivilegedContainer(pod))
        // lets pods use least-privileged profiles at pod level (kubernetes#84623)
        .setSeccomp(SecurityProfile.newBuilder().setProfileType(SecurityProfile.ProfileType.RuntimeDefault));
    PodSecurityContext psc = pod.getSpec().getSecurityContext();
    if (psc != null) {
      if (psc.getRunAsUser() != null) {
        sc.setRunAsUser(Int64Value.newBuilder().setValue(psc.getRunAsUser()));
      }
      if (psc.getRunAsGroup() != null) {
        sc.setRunAsGroup(Int64Value.newBuilder().setValue(psc.getRunAsGroup()));
      }
      sc.addAllSupplementalGroups(supplementalGroups(psc));
    }
    return sc.build();
  }

  /**
   * The container's: user and group, privileged, read-only root, capabilities, no_new_privs, masked
   * and read-only /proc paths, seccomp, namespaces and supplemental groups of the pod.
   */
  public static LinuxContainerSecurityContext forContainer(Pod pod, Container container, boolean seccompDefault) {
    PodSecurityContext psc = pod.getSpec().getSecurityContext();
    SecurityContext csc = container.getSecurityContext();
    LinuxContainerSecurityContext.Builder sc = LinuxContainerSecurityContext.newBuilder();
    Long runAsUser = csc != null && csc.getRunAsUser() != null ? csc.getRunAsUser() : psc == null ? null : psc.getRunAsUser();
    Long runAsGroup = csc != null && csc.getRunAsGroup() != null ? csc.getRunAsGroup() : psc == null ? null : psc.getRunAsGroup();
    if (runAsUser != null) {
      sc.setRunAsUser(Int64Value.newBuilder().setValue(runAsUser));
    }
    if (runAsGroup != null) {
      sc.setRunAsGroup(Int64Value.newBuilder().setValue(runAsGroup));
    }
    boolean privileged = csc != null && Boolean.TRUE.equals(csc.getPrivileged());
    sc.setPrivileged(privileged);
    if (csc != null) {
      sc.setReadonlyRootfs(Boolean.TRUE.equals(csc.getReadOnlyRootFilesystem()));
      if (csc.getCapabilities() != null) {
        Capability.Builder caps = Capability.newBuilder();
        if (csc.getCapabilities().getAdd() != null) {
          caps.addAllAddCapabilities(csc.getCapabilities().getAdd());
        }
        if (csc.getCapabilities().getDrop() != null) {
          caps.addAllDropCapabilities(csc.getCapabilities().getDrop());
        }
        sc.setCapabilities(caps);
      }
      // allowPrivilegeEscalation: false is the only way to ask for no_new_privs
      sc.setNoNewPrivs(csc.getAllowPrivilegeEscalation() != null && !csc.getAllowPrivilegeEscalation());
    }
    boolean unmasked = csc != null && "Unmasked".equals(csc.getProcMount());
    // the runtime ignores these for a privileged container; kubelet sends them all the same
    if (!unmasked) {
      sc.addAllMaskedPaths(DEFAULT_MASKED_PATHS).addAllReadonlyPaths(DEFAULT_READONLY_PATHS);
    }
    sc.setSeccomp(seccompProfile(csc == null ? null : csc.getSeccompProfile(), psc == null ? null : psc.getSeccompProfile(),
        seccompDefault));
    sc.setNamespaceOptions(namespacesForPod(pod));
    if (psc != null) {
      sc.addAllSupplementalGroups(supplementalGroups(psc));
    }
    return sc.build();
  }

  /** The container's profile, else the pod's, else RuntimeDefault with seccompDefault, else Unconfined. */
  static SecurityProfile seccompProfile(SeccompProfile container, SeccompProfile pod, boolean seccompDefault) {
    SeccompProfile chosen = container != null ? container : pod;
    if (chosen == null) {
      return SecurityProfile.newBuilder().setProfileType(seccompDefault
          ? SecurityProfile.ProfileType.RuntimeDefault : SecurityProfile.ProfileType.Unconfined).build();
    }
    return switch (chosen.getType()) {
      case "RuntimeDefault" -> SecurityProfile.newBuilder().setProfileType(SecurityProfile.ProfileType.RuntimeDefault).build();
      case "Localhost" -> SecurityProfile.newBuilder().setProfileType(SecurityProfile.ProfileType.Localhost)
          .setLocalhostRef(SECCOMP_PROFILE_ROOT + "/" + chosen.getLocalhostProfile()).build();
      default -> SecurityProfile.newBuilder().setProfileType(SecurityProfile.ProfileType.Unconfined).build();
    };
  }

  /** fsGroup first, then supplementalGroups, as kubelet appends them. */
  private static List<Long> supplementalGroups(PodSecurityContext psc) {
    List<Long> groups = new ArrayList<>();
    if (psc.getFsGroup() != null) {
      groups.add(psc.getFsGroup());
    }
    if (psc.getSupplementalGroups() != null) {
      groups.addAll(psc.getSupplementalGroups());
    }
    return groups;
  }

  public static boolean hasPrivilegedContainer(Pod pod) {
    Stream<Container> init = pod.getSpec().getInitContainers() == null ? Stream.empty() : pod.getSpec().getInitContainers().stream();
    return Stream.concat(init, pod.getSpec().getContainers().stream())
        .anyMatch(c -> c.getSecurityContext() != null && Boolean.TRUE.equals(c.getSecurityContext().getPrivileged()));
  }
}
