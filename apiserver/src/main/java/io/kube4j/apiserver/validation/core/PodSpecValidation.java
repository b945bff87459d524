package io.kube4j.apiserver.validation.core;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodDNSConfig;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.GoSyntax;
import io.kube4j.apiserver.validation.LabelValidation;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A whole pod spec, in upstream's order of checks: grace period, volumes, containers, restart and DNS
 * policy, node selector, security context, affinity, DNS config, gates, spread, names of service account,
 * node, priority class, and so on. Mirrors {@code ValidatePodSpec}.
 */
public final class PodSpecValidation {

  static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
  private static final List<String> DNS_POLICIES = List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
  private static final Pattern SYSCTL = Pattern.compile(
      "([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?");

  private PodSpecValidation() {}

  /**
   * @param podMeta the pod's metadata when the spec belongs to a real pod (ephemeral volume names need it);
   *     {@code null} for templates
   * @param resourceIsPod whether the spec is a pod's own, not a template's (hostNetwork ports differ)
   */
  public static ErrorList validatePodSpec(PodSpec spec, ObjectMeta podMeta, Path field, boolean resourceIsPod) {
    ErrorList errs = new ErrorList();
    if (spec.getTerminationGracePeriodSeconds() == null) {
      errs.required(field.child("terminationGracePeriodSeconds"), "");
    }
    Long gracePeriod = spec.getTerminationGracePeriodSeconds();
    VolumeValidation.Result vols = VolumeValidation.validateVolumes(spec.getVolumes(), podMeta, field.child("volumes"));
    errs.addAll(vols.errors());
    Set<String> claims = new HashSet<>();
    errs.addAll(validateResourceClaims(spec.getResourceClaims(), claims, field.child("resourceClaims")));
    errs.addAll(ContainerValidation.validateContainers(spec.getContainers(), vols.volumes(), claims, gracePeriod,
        field.child("containers")));
    errs.addAll(ContainerValidation.validateInitContainers(spec.getInitContainers(), spec.getContainers(),
        vols.volumes(), claims, gracePeriod, field.child("initContainers")));
    errs.addAll(ContainerValidation.validateEphemeralContainers(spec.getEphemeralContainers(), spec.getContainers(),
        spec.getInitContainers(), vols.volumes(), claims, field.child("ephemeralContainers")));
    errs.addAll(validateHostNetworkDeps(spec, field, resourceIsPod));
    errs.addAll(validateRestartPolicy(nz(spec.getRestartPolicy()), field.child("restartPolicy")));
    String dnsPolicy = nz(spec.getDnsPolicy());
    if (dnsPolicy.isEmpty()) {
      errs.required(field.child("dnsPolicy"), "");
    } else if (!DNS_POLICIES.contains(dnsPolicy)) {
      errs.notSupported(field.child("dnsPolicy"), dnsPolicy, DNS_POLICIES);
    }
    errs.addAll(LabelValidation.validateLabels(spec.getNodeSelector(), field.child("nodeSelector")));
    errs.addAll(validatePodSecurityContext(spec.getSecurityContext(), spec, field.child("securityContext")));
    errs.addAll(validateImagePullSecrets(spec.getImagePullSecrets(), field.child("imagePullSecrets")));
    errs.addAll(SchedulingValidation.validateAffinity(spec.getAffinity(), field.child("affinity")));
    errs.addAll(validateDNSConfig(spec.getDnsConfig(), dnsPolicy, field.child("dnsConfig")));
    if (spec.getReadinessGates() != null) {
      for (int i = 0; i < spec.getReadinessGates().size(); i++) {
        errs.addAll(LabelValidation.validateLabelName(nz(spec.getReadinessGates().get(i).getConditionType()),
            field.child("readinessGates").index(i).child("conditionType")));
      }
    }
    if (spec.getSchedulingGates() != null) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < spec.getSchedulingGates().size(); i++) {
        String gate = nz(spec.getSchedulingGates().get(i).getName());
        errs.addAll(LabelValidation.validateLabelName(gate, field.child("schedulingGates").index(i)));
        if (!seen.add(gate)) {
          errs.duplicate(field.child("schedulingGates").index(i), gate);
        }
      }
    }
    errs.addAll(SchedulingValidation.validateTopologySpreadConstraints(spec.getTopologySpreadConstraints(),
        field.child("topologySpreadConstraints")));
    if (Boolean.FALSE.equals(spec.getHostUsers())) {
      String why = "when `pod.Spec.HostUsers` is false";
      if (Boolean.TRUE.equals(spec.getHostNetwork())) {
        errs.forbidden(field.child("hostNetwork"), why);
      }
      if (Boolean.TRUE.equals(spec.getHostPID())) {
        errs.forbidden(field.child("HostPID"), why);
      }
      if (Boolean.TRUE.equals(spec.getHostIPC())) {
        errs.forbidden(field.child("HostIPC"), why);
      }
    }
    checkName(errs, spec.getServiceAccountName(), NameValidator.DNS_SUBDOMAIN, field.child("serviceAccountName"));
    checkName(errs, spec.getNodeName(), NameValidator.DNS_SUBDOMAIN, field.child("nodeName"));
    if (spec.getActiveDeadlineSeconds() != null) {
      long v = spec.getActiveDeadlineSeconds();
      if (v < 1 || v > Integer.MAX_VALUE) {
        errs.invalid(field.child("activeDeadlineSeconds"), v, Validation.inclusiveRangeError(1, Integer.MAX_VALUE));
      }
    }
    if (!nz(spec.getHostname()).isEmpty()) {
      errs.invalidEach(field.child("hostname"), spec.getHostname(), Validation.isDNS1123Label(spec.getHostname()));
    }
    if (!nz(spec.getSubdomain()).isEmpty()) {
      errs.invalidEach(field.child("subdomain"), spec.getSubdomain(), Validation.isDNS1123Label(spec.getSubdomain()));
    }
    errs.addAll(SchedulingValidation.validateTolerations(spec.getTolerations(), field.child("tolerations")));
    errs.addAll(validateHostAliases(spec.getHostAliases(), field.child("hostAliases")));
    checkName(errs, spec.getPriorityClassName(), NameValidator.DNS_SUBDOMAIN, field.child("priorityClassName"));
    if (spec.getRuntimeClassName() != null) {
      errs.invalidEach(field.child("runtimeClassName"), spec.getRuntimeClassName(),
          NameValidator.DNS_SUBDOMAIN.validate(spec.getRuntimeClassName(), false));
    }
    if (spec.getPreemptionPolicy() != null) {
      switch (spec.getPreemptionPolicy()) {
        case "PreemptLowerPriority", "Never" -> { }
        case "" -> errs.required(field.child("preemptionPolicy"), "");
        default -> errs.notSupported(field.child("preemptionPolicy"), spec.getPreemptionPolicy(),
            List.of("PreemptLowerPriority", "Never"));
      }
    }
    if (spec.getOverhead() != null && !spec.getOverhead().isEmpty()) {
      errs.addAll(ResourceValidation.validateContainerResourceRequirements(
          new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder().withLimits(spec.getOverhead()).build(),
          Set.of(), field.child("overhead")));
    }
    if (spec.getOs() != null) {
      String os = nz(spec.getOs().getName());
      if (os.isEmpty()) {
        errs.required(field.child("os").child("name"), "");
      } else if (!os.equals("linux") && !os.equals("windows")) {
        errs.notSupported(field.child("os").child("name"), os, List.of("linux", "windows"));
      }
    }
    return errs;
  }

  static ErrorList validateRestartPolicy(String policy, Path field) {
    ErrorList errs = new ErrorList();
    if (policy.isEmpty()) {
      errs.required(field, "");
    } else if (!RESTART_POLICIES.contains(policy)) {
      errs.notSupported(field, policy, RESTART_POLICIES);
    }
    return errs;
  }

  private static ErrorList validateResourceClaims(List<PodResourceClaim> claims, Set<String> names, Path field) {
    ErrorList errs = new ErrorList();
    if (claims == null) {
      return errs;
    }
    for (int i = 0; i < claims.size(); i++) {
      PodResourceClaim c = claims.get(i);
      Path p = field.index(i);
      String name = nz(c.getName());
      if (name.isEmpty()) {
        errs.required(p.child("name"), "");
      } else if (names.contains(name)) {
        errs.duplicate(p.child("name"), name);
      } else {
        errs.invalidEach(p.child("name"), name, Validation.isDNS1123Label(name));
        names.add(name);
      }
      if (c.getResourceClaimName() == null && c.getResourceClaimTemplateName() == null) {
        errs.invalid(p, new GoSyntax("core.PodResourceClaim{Name:" + GoSyntax.quote(name)
            + ", ResourceClaimName:(*string)(nil), ResourceClaimTemplateName:(*string)(nil)}"),
            "must specify one of: `resourceClaimName`, `resourceClaimTemplateName`");
      }
    }
    return errs;
  }

  /** With hostNetwork a pod's hostPort must equal its containerPort; templates may leave it 0. */
  private static ErrorList validateHostNetworkDeps(PodSpec spec, Path field, boolean resourceIsPod) {
    ErrorList errs = new ErrorList();
    if (!Boolean.TRUE.equals(spec.getHostNetwork()) || spec.getContainers() == null) {
      return errs;
    }
    Path containers = field.child("containers");
    for (int i = 0; i < spec.getContainers().size(); i++) {
      Container c = spec.getContainers().get(i);
      if (c.getPorts() == null) {
        continue;
      }
      for (int j = 0; j < c.getPorts().size(); j++) {
        ContainerPort p = c.getPorts().get(j);
        int hp = ProbeValidation.intOf(p.getHostPort());
        int cp = ProbeValidation.intOf(p.getContainerPort());
        if ((resourceIsPod || hp != 0) && hp != cp) {
          errs.invalid(containers.index(i).child("ports").index(j).child("hostPort"), hp,
              "must match `containerPort` when `hostNetwork` is true");
        }
      }
    }
    return errs;
  }

  private static ErrorList validatePodSecurityContext(PodSecurityContext sc, PodSpec spec, Path field) {
    ErrorList errs = new ErrorList();
    if (sc == null) {
      return errs;
    }
    if (sc.getFsGroup() != null) {
      errs.invalidEach(field.child("fsGroup"), sc.getFsGroup(), Validation.isValidGroupID(sc.getFsGroup()));
    }
    if (sc.getRunAsUser() != null) {
      errs.invalidEach(field.child("runAsUser"), sc.getRunAsUser(), Validation.isValidUserID(sc.getRunAsUser()));
    }
    if (sc.getRunAsGroup() != null) {
      errs.invalidEach(field.child("runAsGroup"), sc.getRunAsGroup(), Validation.isValidGroupID(sc.getRunAsGroup()));
    }
    if (sc.getSupplementalGroups() != null) {
      for (int g = 0; g < sc.getSupplementalGroups().size(); g++) {
        long gid = sc.getSupplementalGroups().get(g);
        errs.invalidEach(field.child("supplementalGroups").index(g), gid, Validation.isValidGroupID(gid));
      }
    }
    if (Boolean.TRUE.equals(spec.getShareProcessNamespace()) && Boolean.TRUE.equals(spec.getHostPID())) {
      errs.invalid(field.child("shareProcessNamespace"), true, "ShareProcessNamespace and HostPID cannot both be enabled");
    }
    if (sc.getSysctls() != null) {
      Set<String> names = new LinkedHashSet<>();
      for (int i = 0; i < sc.getSysctls().size(); i++) {
        Sysctl s = sc.getSysctls().get(i);
        Path p = field.child("sysctls").index(i).child("name");
        String name = nz(s.getName());
        if (name.isEmpty()) {
          errs.required(p, "");
        } else if (name.length() > 253 || !SYSCTL.matcher(name).matches()) {
          errs.invalid(p, name, "must have at most 253 characters and match regex ^" + SYSCTL.pattern() + "$");
        } else if (names.contains(name)) {
          errs.duplicate(p, name);
        }
        names.add(name);
      }
    }
    if (sc.getFsGroupChangePolicy() != null && !List.of("OnRootMismatch", "Always").contains(sc.getFsGroupChangePolicy())) {
      errs.notSupported(field.child("fsGroupChangePolicy"), sc.getFsGroupChangePolicy(), List.of("Always", "OnRootMismatch"));
    }
    if (sc.getSeccompProfile() != null) {
      String type = nz(sc.getSeccompProfile().getType());
      Path p = field.child("seccompProfile");
      switch (type) {
        case "Localhost" -> {
          if (sc.getSeccompProfile().getLocalhostProfile() == null) {
            errs.required(p.child("localhostProfile"), "must be set when seccomp type is Localhost");
          }
        }
        case "RuntimeDefault", "Unconfined" -> { }
        case "" -> errs.required(p.child("type"), "type is required when seccompProfile is set");
        default -> errs.notSupported(p.child("type"), type, List.of("Localhost", "RuntimeDefault", "Unconfined"));
      }
    }
    return errs;
  }

  private static ErrorList validateImagePullSecrets(List<LocalObjectReference> secrets, Path field) {
    ErrorList errs = new ErrorList();
    if (secrets == null) {
      return errs;
    }
    for (int i = 0; i < secrets.size(); i++) {
      if (!secrets.get(i).getAdditionalProperties().isEmpty()) {
        errs.invalid(field.index(i), new GoSyntax("core.LocalObjectReference{Name:"
            + GoSyntax.quote(nz(secrets.get(i).getName())) + "}"), "only name may be set");
      }
    }
    return errs;
  }

  private static ErrorList validateDNSConfig(PodDNSConfig config, String dnsPolicy, Path field) {
    ErrorList errs = new ErrorList();
    if (dnsPolicy.equals("None")) {
      if (config == null) {
        return errs.required(field, "must provide `dnsConfig` when `dnsPolicy` is None");
      }
      if (config.getNameservers() == null || config.getNameservers().isEmpty()) {
        return errs.required(field.child("nameservers"), "must provide at least one DNS nameserver when `dnsPolicy` is None");
      }
    }
    if (config == null) {
      return errs;
    }
    List<String> ns = config.getNameservers() == null ? List.of() : config.getNameservers();
    if (ns.size() > 3) {
      errs.invalid(field.child("nameservers"), GoSyntax.stringSlice(ns), "must not have more than 3 nameservers");
    }
    for (int i = 0; i < ns.size(); i++) {
      errs.addAll(Validation.isValidIP(field.child("nameservers").index(i), ns.get(i)));
    }
    List<String> searches = config.getSearches() == null ? List.of() : config.getSearches();
    if (searches.size() > 32) {
      errs.invalid(field.child("searches"), GoSyntax.stringSlice(searches), "must not have more than 32 search paths");
    }
    if (String.join(" ", searches).length() > 2048) {
      errs.invalid(field.child("searches"), GoSyntax.stringSlice(searches),
          "must not have more than 2048 characters (including spaces) in the search list");
    }
    for (int i = 0; i < searches.size(); i++) {
      String s = searches.get(i).endsWith(".") ? searches.get(i).substring(0, searches.get(i).length() - 1) : searches.get(i);
      errs.invalidEach(field.child("searches").index(i), s, Validation.isDNS1123Subdomain(s));
    }
    if (config.getOptions() != null) {
      for (int i = 0; i < config.getOptions().size(); i++) {
        if (nz(config.getOptions().get(i).getName()).isEmpty()) {
          errs.required(field.child("options").index(i), "must not be empty");
        }
      }
    }
    return errs;
  }

  private static ErrorList validateHostAliases(List<HostAlias> aliases, Path field) {
    ErrorList errs = new ErrorList();
    if (aliases == null) {
      return errs;
    }
    for (int i = 0; i < aliases.size(); i++) {
      HostAlias a = aliases.get(i);
      errs.addAll(Validation.isValidIP(field.index(i).child("ip"), nz(a.getIp())));
      if (a.getHostnames() != null) {
        for (int j = 0; j < a.getHostnames().size(); j++) {
          String h = a.getHostnames().get(j);
          errs.invalidEach(field.index(i).child("hostnames").index(j), h, Validation.isDNS1123Subdomain(h));
        }
      }
    }
    return errs;
  }

  private static void checkName(ErrorList errs, String name, NameValidator fn, Path field) {
    if (name != null && !name.isEmpty()) {
      errs.invalidEach(field, name, fn.validate(name, false));
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
