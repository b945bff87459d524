package io.kube4j.apiserver.admission.plugins.podsecurity;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks of the baseline and restricted standards, each a reason and what fixes it, in
 * upstream's order (by check id) and words.
 */
final class PodSecurityChecks {

  /** One violated check: {@code reason (detail)} in the refusal. */
  record Violation(String reason, String detail) {
    @Override
    public String toString() {
      return reason + " (" + detail + ")";
    }
  }

  private static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
      "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
  private static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
      "ephemeral", "persistentVolumeClaim", "projected", "secret");

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
      .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

  private PodSecurityChecks() {}

  static List<Violation> check(String level, PodSpec spec) {
    List<Violation> out = new ArrayList<>();
    boolean restricted = level.equals("restricted");
    List<Container> containers = containers(spec);
    PodSecurityContext pod = spec.getSecurityContext();
    if (restricted) {
      List<String> escalating = names(containers, c -> sc(c) == null || !Boolean.FALSE.equals(
          sc(c).getAllowPrivilegeEscalation()));
      if (!escalating.isEmpty()) {
        out.add(new Violation("allowPrivilegeEscalation != false", which(escalating)
            + " must set securityContext.allowPrivilegeEscalation=false"));
      }
    }
    capabilities(restricted, containers, out);
    List<String> hostNs = new ArrayList<>();
    if (Boolean.TRUE.equals(spec.getHostNetwork())) {
      hostNs.add("hostNetwork=true");
    }
    if (Boolean.TRUE.equals(spec.getHostPID())) {
      hostNs.add("hostPID=true");
    }
    if (Boolean.TRUE.equals(spec.getHostIPC())) {
      hostNs.add("hostIPC=true");
    }
    if (!hostNs.isEmpty()) {
      out.add(new Violation("host namespaces", String.join(", ", hostNs)));
    }
    List<String> hostPaths = orEmpty(spec.getVolumes()).stream().filter(v -> v.getHostPath() != null)
        .map(Volume::getName).toList();
    if (!hostPaths.isEmpty()) {
      out.add(new Violation("hostPath volumes", plural(hostPaths, "volume")));
    }
    List<String> ports = new ArrayList<>();
    for (Container c : containers) {
      for (ContainerPort p : orEmpty(c.getPorts())) {
        if (p.getHostPort() != null && p.getHostPort() != 0) {
          ports.add("container \"" + c.getName() + "\" uses hostPort " + p.getHostPort());
        }
      }
    }
    if (!ports.isEmpty()) {
      out.add(new Violation(ports.size() == 1 ? "hostPort" : "hostPorts", String.join(", ", ports)));
    }
    List<String> privileged = names(containers, c -> sc(c) != null && Boolean.TRUE.equals(sc(c).getPrivileged()));
    if (!privileged.isEmpty()) {
      out.add(new Violation("privileged", which(privileged) + " must not set securityContext.privileged=true"));
    }
    if (restricted) {
      List<String> volumes = new ArrayList<>();
      for (Volume v : orEmpty(spec.getVolumes())) {
        String type = volumeType(v);
        if (type != null && !RESTRICTED_VOLUMES.contains(type)) {
          volumes.add("volume \"" + v.getName() + "\" uses restricted volume type \"" + type + "\"");
        }
      }
      if (!volumes.isEmpty()) {
        out.add(new Violation("restricted volume types", String.join(", ", volumes)));
      }
      boolean podNonRoot = pod != null && Boolean.TRUE.equals(pod.getRunAsNonRoot());
      List<String> root = names(containers, c -> sc(c) == null || sc(c).getRunAsNonRoot() == null ? !podNonRoot
          : !sc(c).getRunAsNonRoot());
      if (!root.isEmpty()) {
        out.add(new Violation("runAsNonRoot != true", "pod or " + which(root)
            + " must set securityContext.runAsNonRoot=true"));
      }
      String podSeccomp = pod == null || pod.getSeccompProfile() == null ? null : pod.getSeccompProfile().getType();
      List<String> seccomp = names(containers, c -> {
        String t = sc(c) == null || sc(c).getSeccompProfile() == null ? podSeccomp : sc(c).getSeccompProfile().getType();
        return !"RuntimeDefault".equals(t) && !"Localhost".equals(t);
      });
      if (!seccomp.isEmpty()) {
        out.add(new Violation("seccompProfile", "pod or " + which(seccomp)
            + " must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\""));
      }
    }
    return out;
  }

  private static void capabilities(boolean restricted, List<Container> containers, List<Violation> out) {
    List<String> details = new ArrayList<>();
    if (restricted) {
      List<String> notDropping = names(containers, c -> {
        Capabilities caps = sc(c) == null ? null : sc(c).getCapabilities();
        return caps == null || !orEmpty(caps.getDrop()).contains("ALL");
      });
      if (!notDropping.isEmpty()) {
        details.add(which(notDropping) + " must set securityContext.capabilities.drop=[\"ALL\"]");
      }
    }
    for (Container c : containers) {
      Capabilities caps = sc(c) == null ? null : sc(c).getCapabilities();
      List<String> bad = orEmpty(caps == null ? null : caps.getAdd()).stream()
          .filter(a -> restricted ? !a.equals("NET_BIND_SERVICE") : !BASELINE_CAPABILITIES.contains(a)).toList();
      if (!bad.isEmpty()) {
        details.add("container \"" + c.getName() + "\" must not include " + bad.stream().map(b -> "\"" + b + "\"")
            .collect(Collectors.joining(", ")) + " in securityContext.capabilities.add");
      }
    }
    if (!details.isEmpty()) {
      out.add(new Violation(restricted ? "unrestricted capabilities" : "non-default capabilities",
          String.join("; ", details)));
    }
  }

  /** A volume's source, named as in its JSON ({@code hostPath}, {@code configMap}, ...). */
  private static String volumeType(Volume v) {
    var fields = JSON.valueToTree(v).fieldNames();
    while (fields.hasNext()) {
      String f = fields.next();
      if (!f.equals("name")) {
        return f;
      }
    }
    return null;
  }

  private static SecurityContext sc(Container c) {
    return c.getSecurityContext();
  }

  private static List<Container> containers(PodSpec spec) {
    List<Container> all = new ArrayList<>(orEmpty(spec.getInitContainers()));
    all.addAll(orEmpty(spec.getContainers()));
    return all;
  }

  private static List<String> names(List<Container> containers, java.util.function.Predicate<Container> bad) {
    return containers.stream().filter(bad).map(Container::getName).toList();
  }

  /** {@code container "a"} or {@code containers "a", "b"}. */
  private static String which(List<String> names) {
    return plural(names, "container");
  }

  private static String plural(List<String> names, String noun) {
    return (names.size() == 1 ? noun : noun + "s") + " " + names.stream().map(n -> "\"" + n + "\"")
        .collect(Collectors.joining(", "));
  }

  private static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }
}
