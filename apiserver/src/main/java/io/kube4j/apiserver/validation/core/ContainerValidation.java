package io.kube4j.apiserver.validation.core;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Containers of a pod spec: DNS-label names unique across regular and init containers, an image, ports,
 * environment, mounts of declared volumes, resources, probes only where they make sense. Mirrors
 * {@code validateContainers}, {@code validateInitContainers} and {@code validateContainerCommon}.
 */
public final class ContainerValidation {

  static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
  private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");

  private ContainerValidation() {}

  /** The regular containers: at least one is required. */
  static ErrorList validateContainers(List<Container> containers, Map<String, Volume> volumes, Set<String> claims,
      Long gracePeriod, Path field) {
    ErrorList errs = new ErrorList();
    if (containers == null || containers.isEmpty()) {
      return errs.required(field, "");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Path p = field.index(i);
      errs.addAll(validateContainerCommon(c, volumes, claims, p));
      if (!names.add(nz(c.getName()))) {
        errs.duplicate(p.child("name"), nz(c.getName()));
      }
      if (c.getLifecycle() != null) {
        errs.addAll(ProbeValidation.validateLifecycle(c.getLifecycle(), gracePeriod, p.child("lifecycle")));
      }
      errs.addAll(ProbeValidation.validateLivenessProbe(c.getLivenessProbe(), p.child("livenessProbe")));
      errs.addAll(ProbeValidation.validateReadinessProbe(c.getReadinessProbe(), p.child("readinessProbe")));
      errs.addAll(ProbeValidation.validateStartupProbe(c.getStartupProbe(), p.child("startupProbe")));
      if (c.getRestartPolicy() != null) {
        errs.forbidden(p.child("restartPolicy"), "may not be set for non-init containers");
      }
    }
    errs.addAll(checkHostPortConflicts(containers, field));
    return errs;
  }

  static ErrorList validateInitContainers(List<Container> containers, List<Container> regular,
      Map<String, Volume> volumes, Set<String> claims, Long gracePeriod, Path field) {
    ErrorList errs = new ErrorList();
    if (containers == null) {
      return errs;
    }
    Set<String> names = new HashSet<>();
    if (regular != null) {
      regular.forEach(c -> names.add(nz(c.getName())));
    }
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Path p = field.index(i);
      errs.addAll(validateContainerCommon(c, volumes, claims, p));
      boolean restartAlways = false;
      if (c.getRestartPolicy() != null) {
        if (!c.getRestartPolicy().equals("Always")) {
          errs.notSupported(p.child("restartPolicy"), c.getRestartPolicy(), List.of("Always"));
        }
        restartAlways = c.getRestartPolicy().equals("Always");
      }
      if (names.contains(nz(c.getName()))) {
        errs.duplicate(p.child("name"), nz(c.getName()));
      } else if (!nz(c.getName()).isEmpty()) {
        names.add(c.getName());
      }
      errs.addAll(checkHostPortConflicts(List.of(c), field));
      if (restartAlways) {
        if (c.getLifecycle() != null) {
          errs.addAll(ProbeValidation.validateLifecycle(c.getLifecycle(), gracePeriod, p.child("lifecycle")));
        }
        errs.addAll(ProbeValidation.validateLivenessProbe(c.getLivenessProbe(), p.child("livenessProbe")));
        errs.addAll(ProbeValidation.validateReadinessProbe(c.getReadinessProbe(), p.child("readinessProbe")));
        errs.addAll(ProbeValidation.validateStartupProbe(c.getStartupProbe(), p.child("startupProbe")));
      } else {
        String why = "may not be set for init containers without restartPolicy=Always";
        if (c.getLifecycle() != null) {
          errs.forbidden(p.child("lifecycle"), why);
        }
        if (c.getLivenessProbe() != null) {
          errs.forbidden(p.child("livenessProbe"), why);
        }
        if (c.getReadinessProbe() != null) {
          errs.forbidden(p.child("readinessProbe"), why);
        }
        if (c.getStartupProbe() != null) {
          errs.forbidden(p.child("startupProbe"), why);
        }
      }
      if (c.getResizePolicy() != null && !c.getResizePolicy().isEmpty()) {
        errs.invalid(p.child("resizePolicy"), new io.kube4j.apiserver.validation.GoSyntax("[]core.ContainerResizePolicy{...}"),
            "must not be set for init containers");
      }
    }
    return errs;
  }

  /** Ephemeral containers: unique names across all containers and a target that exists. */
  static ErrorList validateEphemeralContainers(List<EphemeralContainer> ephemeral, List<Container> containers,
      List<Container> init, Map<String, Volume> volumes, Set<String> claims, Path field) {
    ErrorList errs = new ErrorList();
    if (ephemeral == null || ephemeral.isEmpty()) {
      return errs;
    }
    Set<String> others = new HashSet<>();
    if (containers != null) {
      containers.forEach(c -> others.add(nz(c.getName())));
    }
    if (init != null) {
      init.forEach(c -> others.add(nz(c.getName())));
    }
    Set<String> all = new HashSet<>(others);
    for (int i = 0; i < ephemeral.size(); i++) {
      EphemeralContainer ec = ephemeral.get(i);
      Path p = field.index(i);
      Container c = new Container(ec.getArgs(), ec.getCommand(), ec.getEnv(), ec.getEnvFrom(), ec.getImage(),
          ec.getImagePullPolicy(), ec.getLifecycle(), ec.getLivenessProbe(), ec.getName(), ec.getPorts(),
          ec.getReadinessProbe(), ec.getResizePolicy(), ec.getResources(), ec.getRestartPolicy(),
          ec.getRestartPolicyRules(), ec.getSecurityContext(), ec.getStartupProbe(), ec.getStdin(),
          ec.getStdinOnce(), ec.getTerminationMessagePath(), ec.getTerminationMessagePolicy(), ec.getTty(),
          ec.getVolumeDevices(), ec.getVolumeMounts(), ec.getWorkingDir());
      errs.addAll(validateContainerCommon(c, volumes, claims, p));
      errs.addAll(validateContainerOnlyForPod(c, p));
      if (!all.add(nz(ec.getName()))) {
        errs.duplicate(p.child("name"), nz(ec.getName()));
      }
      if (!nz(ec.getTargetContainerName()).isEmpty() && !others.contains(ec.getTargetContainerName())) {
        errs.notFound(p.child("targetContainerName"), ec.getTargetContainerName());
      }
      String notAllowed = "cannot be set for an Ephemeral Container";
      if (ec.getPorts() != null && !ec.getPorts().isEmpty()) {
        errs.forbidden(p.child("ports"), notAllowed);
      }
      if (ec.getResources() != null && (ec.getResources().getLimits() != null && !ec.getResources().getLimits().isEmpty()
          || ec.getResources().getRequests() != null && !ec.getResources().getRequests().isEmpty())) {
        errs.forbidden(p.child("resources"), notAllowed);
      }
      if (ec.getLivenessProbe() != null) {
        errs.forbidden(p.child("livenessProbe"), notAllowed);
      }
      if (ec.getReadinessProbe() != null) {
        errs.forbidden(p.child("readinessProbe"), notAllowed);
      }
      if (ec.getStartupProbe() != null) {
        errs.forbidden(p.child("startupProbe"), notAllowed);
      }
      if (ec.getLifecycle() != null) {
        errs.forbidden(p.child("lifecycle"), notAllowed);
      }
    }
    return errs;
  }

  /** {@code validateContainerCommon}: what every kind of container must satisfy. */
  static ErrorList validateContainerCommon(Container c, Map<String, Volume> volumes, Set<String> claims, Path p) {
    ErrorList errs = new ErrorList();
    String name = nz(c.getName());
    if (name.isEmpty()) {
      errs.required(p.child("name"), "");
    } else {
      errs.invalidEach(p.child("name"), name, Validation.isDNS1123Label(name));
    }
    if (nz(c.getImage()).isEmpty()) {
      errs.required(p.child("image"), "");
    }
    String tmp = nz(c.getTerminationMessagePolicy());
    switch (tmp) {
      case "File", "FallbackToLogsOnError" -> { }
      case "" -> errs.required(p.child("terminationMessagePolicy"), "");
      default -> errs.notSupported(p.child("terminationMessagePolicy"), tmp, List.of("File", "FallbackToLogsOnError"));
    }
    Map<String, String> mounts = new HashMap<>();
    if (c.getVolumeMounts() != null) {
      c.getVolumeMounts().forEach(m -> mounts.put(nz(m.getName()), nz(m.getMountPath())));
    }
    Map<String, String> devices = new HashMap<>();
    if (c.getVolumeDevices() != null) {
      c.getVolumeDevices().forEach(d -> devices.put(nz(d.getName()), nz(d.getDevicePath())));
    }
    errs.addAll(validateContainerPorts(c.getPorts(), p.child("ports")));
    errs.addAll(EnvValidation.validateEnv(c.getEnv(), p.child("env")));
    errs.addAll(EnvValidation.validateEnvFrom(c.getEnvFrom(), p.child("envFrom")));
    errs.addAll(MountValidation.validateVolumeMounts(c.getVolumeMounts(), devices, volumes, c, p.child("volumeMounts")));
    errs.addAll(MountValidation.validateVolumeDevices(c.getVolumeDevices(), mounts, volumes, p.child("volumeDevices")));
    String pull = nz(c.getImagePullPolicy());
    if (pull.isEmpty()) {
      errs.required(p.child("imagePullPolicy"), "");
    } else if (!PULL_POLICIES.contains(pull)) {
      errs.notSupported(p.child("imagePullPolicy"), pull, PULL_POLICIES);
    }
    errs.addAll(ResourceValidation.validateContainerResourceRequirements(c.getResources(), claims, p.child("resources")));
    errs.addAll(validateSecurityContext(c.getSecurityContext(), p.child("securityContext")));
    return errs;
  }

  /** Pods (not templates) may not have an image with surrounding whitespace. */
  static ErrorList validateContainerOnlyForPod(Container c, Path p) {
    ErrorList errs = new ErrorList();
    String image = nz(c.getImage());
    if (image.length() != image.strip().length()) {
      errs.invalid(p.child("image"), image, "must not have leading or trailing whitespace");
    }
    return errs;
  }

  static ErrorList validateContainerPorts(List<ContainerPort> ports, Path field) {
    ErrorList errs = new ErrorList();
    if (ports == null) {
      return errs;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      ContainerPort port = ports.get(i);
      Path idx = field.index(i);
      String name = nz(port.getName());
      if (!name.isEmpty()) {
        List<String> msgs = Validation.isValidPortName(name);
        if (!msgs.isEmpty()) {
          errs.invalidEach(idx.child("name"), name, msgs);
        } else if (!names.add(name)) {
          errs.duplicate(idx.child("name"), name);
        }
      }
      int containerPort = port.getContainerPort() == null ? 0 : port.getContainerPort();
      if (containerPort == 0) {
        errs.required(idx.child("containerPort"), "");
      } else {
        errs.invalidEach(idx.child("containerPort"), containerPort, Validation.isValidPortNum(containerPort));
      }
      int hostPort = port.getHostPort() == null ? 0 : port.getHostPort();
      if (hostPort != 0) {
        errs.invalidEach(idx.child("hostPort"), hostPort, Validation.isValidPortNum(hostPort));
      }
      String protocol = nz(port.getProtocol());
      if (protocol.isEmpty()) {
        errs.required(idx.child("protocol"), "");
      } else if (!PROTOCOLS.contains(protocol)) {
        errs.notSupported(idx.child("protocol"), protocol, PROTOCOLS);
      }
    }
    return errs;
  }

  /** {@code ValidateSecurityContext} of one container. */
  static ErrorList validateSecurityContext(SecurityContext sc, Path field) {
    ErrorList errs = new ErrorList();
    if (sc == null) {
      return errs;
    }
    if (sc.getRunAsUser() != null) {
      errs.invalidEach(field.child("runAsUser"), sc.getRunAsUser(), Validation.isValidUserID(sc.getRunAsUser()));
    }
    if (sc.getRunAsGroup() != null) {
      errs.invalidEach(field.child("runAsGroup"), sc.getRunAsGroup(), Validation.isValidGroupID(sc.getRunAsGroup()));
    }
    if (sc.getProcMount() != null && !sc.getProcMount().equals("Default") && !sc.getProcMount().equals("Unmasked")) {
      errs.notSupported(field.child("procMount"), sc.getProcMount(), List.of("Default", "Unmasked"));
    }
    if (Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation()) && Boolean.TRUE.equals(sc.getPrivileged())) {
      errs.invalid(field, new io.kube4j.apiserver.validation.GoSyntax("&core.SecurityContext{...}"),
          "cannot set `allowPrivilegeEscalation` to false and `privileged` to true");
    }
    return errs;
  }

  /** {@code AccumulateUniqueHostPorts}: the same protocol/hostIP/hostPort may be used once. */
  static ErrorList checkHostPortConflicts(List<Container> containers, Path field) {
    ErrorList errs = new ErrorList();
    Set<String> seen = new HashSet<>();
    for (int ci = 0; ci < containers.size(); ci++) {
      List<ContainerPort> ports = containers.get(ci).getPorts();
      if (ports == null) {
        continue;
      }
      for (int pi = 0; pi < ports.size(); pi++) {
        ContainerPort port = ports.get(pi);
        int hostPort = port.getHostPort() == null ? 0 : port.getHostPort();
        if (hostPort == 0) {
          continue;
        }
        String key = nz(port.getProtocol()) + "/" + nz(port.getHostIP()) + "/" + hostPort;
        if (!seen.add(key)) {
          errs.duplicate(field.index(ci).child("ports").index(pi).child("hostPort"), key);
        }
      }
    }
    return errs;
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }
}
