package io.kube4j.apiserver.validation.core;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.GoSyntax;
import io.kube4j.apiserver.validation.IpAddresses;
import io.kube4j.apiserver.validation.LabelValidation;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Pods and pod templates: create, update (a running pod's spec is immutable but for images, deadline,
 * added tolerations and removed scheduling gates) and status updates. Mirrors {@code ValidatePodCreate},
 * {@code ValidatePodUpdate}, {@code ValidatePodStatusUpdate} and {@code ValidatePodTemplateSpec}.
 */
public final class PodValidation {

  /** {@code updatablePodSpecFields}, joined with "," into the update error. */
  static final List<String> UPDATABLE_POD_SPEC_FIELDS = List.of(
      "`spec.containers[*].image`",
      "`spec.initContainers[*].image`",
      "`spec.activeDeadlineSeconds`",
      "`spec.tolerations` (only additions to existing tolerations)",
      "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)");

  private static final String MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";
  private static final String DELETION_COST_ANNOTATION = "controller.kubernetes.io/pod-deletion-cost";
  private static final String SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
  private static final String SECCOMP_CONTAINER_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";
  private static final String APPARMOR_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

  private PodValidation() {}

  public static ErrorList validatePodCreate(Pod pod) {
    ErrorList errs = validatePodMetadataAndSpec(pod);
    Path spec = Path.root("spec");
    if (pod.getSpec().getEphemeralContainers() != null && !pod.getSpec().getEphemeralContainers().isEmpty()) {
      errs.forbidden(spec.child("ephemeralContainers"), "cannot be set on create");
    }
    if (!nz(pod.getSpec().getNodeName()).isEmpty() && pod.getSpec().getSchedulingGates() != null
        && !pod.getSpec().getSchedulingGates().isEmpty()) {
      errs.forbidden(spec.child("nodeName"), "cannot be set until all schedulingGates have been cleared");
    }
    return errs;
  }

  private static ErrorList validatePodMetadataAndSpec(Pod pod) {
    Path meta = Path.root("metadata");
    Path spec = Path.root("spec");
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(pod.getMetadata(), true, NameValidator.DNS_SUBDOMAIN, meta);
    errs.addAll(validatePodSpecificAnnotations(pod.getMetadata().getAnnotations(), pod.getSpec(), meta.child("annotations")));
    errs.addAll(PodSpecValidation.validatePodSpec(pod.getSpec(), pod.getMetadata(), spec, true));
    if (nz(pod.getSpec().getServiceAccountName()).isEmpty() && pod.getSpec().getVolumes() != null) {
      for (int vi = 0; vi < pod.getSpec().getVolumes().size(); vi++) {
        var v = pod.getSpec().getVolumes().get(vi);
        if (v.getProjected() == null || v.getProjected().getSources() == null) {
          continue;
        }
        for (int si = 0; si < v.getProjected().getSources().size(); si++) {
          if (v.getProjected().getSources().get(si).getServiceAccountToken() != null) {
            errs.forbidden(spec.child("volumes").index(vi).child("projected").child("sources").index(si)
                .child("serviceAccountToken"), "must not be specified when serviceAccountName is not set");
          }
        }
      }
    }
    errs.addAll(containersOnlyForPod(pod.getSpec().getContainers(), spec.child("containers")));
    errs.addAll(containersOnlyForPod(pod.getSpec().getInitContainers(), spec.child("initContainers")));
    return errs;
  }

  private static ErrorList containersOnlyForPod(List<Container> containers, Path field) {
    ErrorList errs = new ErrorList();
    if (containers != null) {
      for (int i = 0; i < containers.size(); i++) {
        errs.addAll(ContainerValidation.validateContainerOnlyForPod(containers.get(i), field.index(i)));
      }
    }
    return errs;
  }

  /** {@code ValidatePodSpecificAnnotations}: mirror pods, deletion cost, deprecated seccomp annotations. */
  public static ErrorList validatePodSpecificAnnotations(Map<String, String> annotations, PodSpec spec, Path field) {
    ErrorList errs = new ErrorList();
    if (annotations == null) {
      return errs;
    }
    if (annotations.containsKey(MIRROR_POD_ANNOTATION) && nz(spec.getNodeName()).isEmpty()) {
      errs.invalid(field.key(MIRROR_POD_ANNOTATION), annotations.get(MIRROR_POD_ANNOTATION),
          "must set spec.nodeName if mirror pod annotation is set");
    }
    if (annotations.containsKey(DELETION_COST_ANNOTATION)) {
      String cost = annotations.get(DELETION_COST_ANNOTATION);
      try {
        Integer.parseInt(cost.strip().equals(cost) ? cost : "x");
      } catch (NumberFormatException e) {
        errs.invalid(field.key(DELETION_COST_ANNOTATION), cost, "must be a 32bit integer");
      }
    }
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(annotations).entrySet()) {
      if (e.getKey().equals(SECCOMP_POD_ANNOTATION) || e.getKey().startsWith(SECCOMP_CONTAINER_PREFIX)) {
        String p = e.getValue();
        boolean ok = p.equals("runtime/default") || p.equals("docker/default") || p.equals("unconfined")
            || p.startsWith("localhost/");
        if (!ok) {
          errs.invalid(field.child(e.getKey()), p, "must be a valid seccomp profile");
        }
      }
    }
    return errs;
  }

  /** {@code ValidatePodUpdate}. */
  public static ErrorList validatePodUpdate(Pod pod, Pod old) {
    Path meta = Path.root("metadata");
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(pod.getMetadata(), old.getMetadata(), meta);
    errs.addAll(validatePodMetadataAndSpec(pod));
    errs.addAll(validateAnnotationUpdates(pod, old, meta.child("annotations")));
    Path spec = Path.root("spec");
    PodSpec ns = pod.getSpec();
    PodSpec os = old.getSpec();
    ErrorList containerErrs = new ErrorList();
    if (validateContainerUpdates(ns.getContainers(), os.getContainers(), spec.child("containers"), containerErrs)
        || validateContainerUpdates(ns.getInitContainers(), os.getInitContainers(), spec.child("initContainers"),
            containerErrs)) {
      errs.addAll(containerErrs);
      return errs;
    }
    errs.addAll(containerErrs);
    if (ns.getActiveDeadlineSeconds() != null) {
      long v = ns.getActiveDeadlineSeconds();
      if (v < 0 || v > Integer.MAX_VALUE) {
        errs.invalid(spec.child("activeDeadlineSeconds"), v, Validation.inclusiveRangeError(0, Integer.MAX_VALUE));
        return errs;
      }
      if (os.getActiveDeadlineSeconds() != null && os.getActiveDeadlineSeconds() < v) {
        errs.invalid(spec.child("activeDeadlineSeconds"), v, "must be less than or equal to previous value");
        return errs;
      }
    } else if (os.getActiveDeadlineSeconds() != null) {
      errs.invalid(spec.child("activeDeadlineSeconds"), new GoSyntax("null"),
          "must not update from a positive integer to nil value");
    }
    errs.addAll(validateOnlyAddedTolerations(ns.getTolerations(), os.getTolerations(), spec.child("tolerations")));
    errs.addAll(validateOnlyDeletedSchedulingGates(ns, os, spec.child("schedulingGates")));
    if (Objects.equals(ns, os)) {
      return errs;
    }
    PodSpec munged = new PodSpecBuilder(ns).build();
    munged.setContainers(withImagesOf(munged.getContainers(), os.getContainers()));
    munged.setInitContainers(withImagesOf(munged.getInitContainers(), os.getInitContainers()));
    munged.setActiveDeadlineSeconds(os.getActiveDeadlineSeconds());
    munged.setSchedulingGates(os.getSchedulingGates());
    munged.setTolerations(os.getTolerations());
    if (os.getTerminationGracePeriodSeconds() != null && os.getTerminationGracePeriodSeconds() < 0
        && Long.valueOf(1).equals(munged.getTerminationGracePeriodSeconds())) {
      munged.setTerminationGracePeriodSeconds(os.getTerminationGracePeriodSeconds());
    }
    boolean gated = os.getSchedulingGates() != null && !os.getSchedulingGates().isEmpty();
    if (gated && !Objects.equals(munged.getNodeSelector(), os.getNodeSelector())) {
      Map<String, String> oldSel = os.getNodeSelector() == null ? Map.of() : os.getNodeSelector();
      Map<String, String> newSel = munged.getNodeSelector() == null ? Map.of() : munged.getNodeSelector();
      boolean onlyAdditions = oldSel.entrySet().stream().allMatch(e -> e.getValue().equals(newSel.get(e.getKey())));
      if (!onlyAdditions) {
        errs.invalid(spec.child("nodeSelector"), GoSyntax.stringMap(newSel),
            "only additions to spec.nodeSelector are allowed (no mutations or deletions)");
      }
      munged.setNodeSelector(os.getNodeSelector());
    }
    if (!Objects.equals(munged, os)) {
      errs.forbidden(spec, "pod updates may not change fields other than "
          + String.join(",", UPDATABLE_POD_SPEC_FIELDS) + "\n" + SpecDiff.diff("core.PodSpec", os, munged));
    }
    return errs;
  }

  private static List<Container> withImagesOf(List<Container> containers, List<Container> old) {
    if (containers == null) {
      return null;
    }
    List<Container> out = new ArrayList<>();
    for (int i = 0; i < containers.size(); i++) {
      Container c = new io.fabric8.kubernetes.api.model.ContainerBuilder(containers.get(i)).build();
      c.setImage(old.get(i).getImage());
      out.add(c);
    }
    return out;
  }

  /** Returns true when the container lists differ in length, after which nothing else is checked. */
  private static boolean validateContainerUpdates(List<Container> containers, List<Container> old, Path field,
      ErrorList errs) {
    List<Container> n = containers == null ? List.of() : containers;
    List<Container> o = old == null ? List.of() : old;
    if (n.size() != o.size()) {
      errs.forbidden(field, "pod updates may not add or remove containers");
      return true;
    }
    for (int i = 0; i < n.size(); i++) {
      String image = nz(n.get(i).getImage());
      if (image.isEmpty()) {
        errs.required(field.index(i).child("image"), "");
      }
      if (image.strip().length() != image.length()) {
        errs.invalid(field.index(i).child("image"), image, "must not have leading or trailing whitespace");
      }
    }
    return false;
  }

  private static ErrorList validateOnlyAddedTolerations(List<Toleration> tolerations, List<Toleration> old, Path field) {
    ErrorList errs = new ErrorList();
    List<Toleration> n = tolerations == null ? List.of() : tolerations;
    for (Toleration o : old == null ? List.<Toleration>of() : old) {
      boolean found = n.stream().anyMatch(t -> Objects.equals(t.getKey(), o.getKey())
          && Objects.equals(t.getOperator(), o.getOperator()) && Objects.equals(t.getValue(), o.getValue())
          && Objects.equals(t.getEffect(), o.getEffect()));
      if (!found) {
        return errs.forbidden(field, "existing toleration can not be modified except its tolerationSeconds");
      }
    }
    errs.addAll(SchedulingValidation.validateTolerations(n, field));
    return errs;
  }

  private static ErrorList validateOnlyDeletedSchedulingGates(PodSpec spec, PodSpec old, Path field) {
    ErrorList errs = new ErrorList();
    if (spec.getSchedulingGates() == null || spec.getSchedulingGates().isEmpty()) {
      return errs;
    }
    Set<String> oldGates = new HashSet<>();
    if (old.getSchedulingGates() != null) {
      old.getSchedulingGates().forEach(g -> oldGates.add(g.getName()));
    }
    for (int i = 0; i < spec.getSchedulingGates().size(); i++) {
      String gate = spec.getSchedulingGates().get(i).getName();
      if (!oldGates.contains(gate)) {
        errs.forbidden(field.index(i).child("name"),
            "only deletion is allowed, but found new scheduling gate '" + gate + "'");
      }
    }
    return errs;
  }

  private static ErrorList validateAnnotationUpdates(Pod pod, Pod old, Path field) {
    ErrorList errs = new ErrorList();
    Map<String, String> n = pod.getMetadata().getAnnotations() == null ? Map.of() : pod.getMetadata().getAnnotations();
    Map<String, String> o = old.getMetadata().getAnnotations() == null ? Map.of() : old.getMetadata().getAnnotations();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(o).entrySet()) {
      if (e.getValue().equals(n.get(e.getKey()))) {
        continue;
      }
      if (e.getKey().startsWith(APPARMOR_PREFIX)) {
        errs.forbidden(field.key(e.getKey()), "may not remove or update AppArmor annotations");
      }
      if (e.getKey().equals(MIRROR_POD_ANNOTATION)) {
        errs.forbidden(field.key(e.getKey()), "may not remove or update mirror pod annotation");
      }
    }
    for (String k : new java.util.TreeSet<>(n.keySet())) {
      if (o.containsKey(k)) {
        continue;
      }
      if (k.startsWith(APPARMOR_PREFIX)) {
        errs.forbidden(field.key(k), "may not add AppArmor annotations");
      }
      if (k.equals(MIRROR_POD_ANNOTATION)) {
        errs.forbidden(field.key(k), "may not add mirror pod annotation");
      }
    }
    errs.addAll(validatePodSpecificAnnotations(n, pod.getSpec(), field));
    return errs;
  }

  /** {@code ValidatePodStatusUpdate}: what the kubelet and scheduler may write to {@code pods/status}. */
  public static ErrorList validatePodStatusUpdate(Pod pod, Pod old) {
    Path meta = Path.root("metadata");
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(pod.getMetadata(), old.getMetadata(), meta);
    errs.addAll(validateAnnotationUpdates(pod, old, meta.child("annotations")));
    List<PodCondition> conditions = pod.getStatus() == null ? null : pod.getStatus().getConditions();
    if (conditions != null) {
      Set<String> system = Set.of("PodScheduled", "Ready", "Initialized");
      for (int i = 0; i < conditions.size(); i++) {
        String type = nz(conditions.get(i).getType());
        if (!system.contains(type)) {
          errs.addAll(LabelValidation.validateLabelName(type, meta.child("conditions").index(i).child("Type")));
        }
      }
    }
    Path status = Path.root("status");
    if (!Objects.equals(nz(pod.getSpec().getNodeName()), nz(old.getSpec().getNodeName()))) {
      errs.forbidden(status.child("nodeName"), "may not be changed directly");
    }
    var ns = pod.getStatus() == null ? new io.fabric8.kubernetes.api.model.PodStatus() : pod.getStatus();
    var os = old.getStatus() == null ? new io.fabric8.kubernetes.api.model.PodStatus() : old.getStatus();
    String nominated = nz(ns.getNominatedNodeName());
    if (!nominated.equals(nz(os.getNominatedNodeName())) && !nominated.isEmpty()) {
      errs.invalidEach(status.child("nominatedNodeName"), nominated, NameValidator.DNS_SUBDOMAIN.validate(nominated, false));
    }
    errs.addAll(ObjectMetaValidation.validateImmutableField(nz(ns.getQosClass()), nz(os.getQosClass()),
        status.child("qosClass")));
    String restartPolicy = nz(old.getSpec().getRestartPolicy());
    errs.addAll(validateContainerStateTransition(ns.getContainerStatuses(), os.getContainerStatuses(),
        status.child("containerStatuses"), restartPolicy));
    errs.addAll(validateContainerStateTransition(ns.getEphemeralContainerStatuses(), os.getEphemeralContainerStatuses(),
        status.child("ephemeralContainerStatuses"), "Never"));
    List<PodIP> podIPs = ns.getPodIPs() == null ? List.of() : ns.getPodIPs();
    for (int i = 0; i < podIPs.size(); i++) {
      errs.addAll(Validation.isValidIP(status.child("podIPs").index(i), nz(podIPs.get(i).getIp())));
    }
    if (podIPs.size() > 1) {
      long v6 = podIPs.stream().filter(ip -> IpAddresses.isIPv6(nz(ip.getIp()))).count();
      if (podIPs.size() > 2 || v6 != 1) {
        errs.invalid(status.child("podIPs"), new GoSyntax("[]core.PodIP{...}"),
            "may specify no more than one IP for each IP family");
      }
    }
    return errs;
  }

  private static ErrorList validateContainerStateTransition(List<ContainerStatus> statuses, List<ContainerStatus> old,
      Path field, String restartPolicy) {
    ErrorList errs = new ErrorList();
    if (restartPolicy.equals("Always") || old == null || statuses == null) {
      return errs;
    }
    for (int i = 0; i < old.size(); i++) {
      ContainerStatus o = old.get(i);
      if (o.getState() == null || o.getState().getTerminated() == null) {
        continue;
      }
      int exit = o.getState().getTerminated().getExitCode() == null ? 0 : o.getState().getTerminated().getExitCode();
      if (exit != 0 && restartPolicy.equals("OnFailure")) {
        continue;
      }
      for (ContainerStatus n : statuses) {
        if (Objects.equals(o.getName(), n.getName()) && (n.getState() == null || n.getState().getTerminated() == null)) {
          errs.forbidden(field.index(i).child("state"), "may not be transitioned to non-terminated state");
        }
      }
    }
    return errs;
  }

  /** {@code ValidatePodTemplateSpec}: a pod template embedded in a workload, at {@code field}. */
  public static ErrorList validatePodTemplateSpec(PodTemplateSpec template, Path field) {
    ErrorList errs = new ErrorList();
    var meta = template.getMetadata() == null ? new io.fabric8.kubernetes.api.model.ObjectMeta() : template.getMetadata();
    PodSpec spec = template.getSpec() == null ? new PodSpec() : template.getSpec();
    errs.addAll(LabelValidation.validateLabels(meta.getLabels(), field.child("labels")));
    errs.addAll(ObjectMetaValidation.validateAnnotations(meta.getAnnotations(), field.child("annotations")));
    errs.addAll(validatePodSpecificAnnotations(meta.getAnnotations(), spec, field.child("annotations")));
    errs.addAll(PodSpecValidation.validatePodSpec(spec, null, field.child("spec"), false));
    if (spec.getEphemeralContainers() != null && !spec.getEphemeralContainers().isEmpty()) {
      errs.forbidden(field.child("spec", "ephemeralContainers"), "ephemeral containers not allowed in pod template");
    }
    return errs;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
