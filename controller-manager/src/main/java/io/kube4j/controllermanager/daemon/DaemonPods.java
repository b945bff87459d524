package io.kube4j.controllermanager.daemon;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.kube4j.controllermanager.controller.DeepCopy;
import io.kube4j.componentbase.intstr.IntOrPercent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What makes a pod a DaemonSet's pod ({@code pkg/controller/daemon/util/daemonset_util.go}). */
public final class DaemonPods {

  /** {@code DefaultDaemonSetUniqueLabelKey}: the hash of the revision a pod was made from. */
  public static final String CONTROLLER_REVISION_HASH_LABEL = "controller-revision-hash";
  /** {@code DaemonSetTemplateGenerationKey}: the template generation a pod was made from (older scheme). */
  public static final String TEMPLATE_GENERATION_LABEL = "pod-template-generation";
  /** {@code DeprecatedTemplateGeneration}: where apps/v1 keeps the template generation. */
  public static final String TEMPLATE_GENERATION_ANNOTATION = "deprecated.daemonset.template.generation";

  /**
   * The tolerations every daemon pod gets ({@code AddOrUpdateDaemonPodTolerations}): a node that is
   * not ready, unreachable, under disk, memory or PID pressure, or cordoned still runs its daemons
   * (they are often what the node needs to recover); with hostNetwork, a node whose network is not
   * yet set up too (the daemon may be the network plugin).
   */
  static final List<Toleration> DAEMON_TOLERATIONS = List.of(
      exists("node.kubernetes.io/not-ready", "NoExecute"),
      exists("node.kubernetes.io/unreachable", "NoExecute"),
      exists("node.kubernetes.io/disk-pressure", "NoSchedule"),
      exists("node.kubernetes.io/memory-pressure", "NoSchedule"),
      exists("node.kubernetes.io/pid-pressure", "NoSchedule"),
      exists("node.kubernetes.io/unschedulable", "NoSchedule"));
  static final Toleration NETWORK_UNAVAILABLE = exists("node.kubernetes.io/network-unavailable", "NoSchedule");

  private DaemonPods() {}

  private static Toleration exists(String key, String effect) {
    return new TolerationBuilder().withKey(key).withOperator("Exists").withEffect(effect).build();
  }

  /** Adds the daemon tolerations to {@code spec} (which must be a copy). */
  public static void addOrUpdateDaemonPodTolerations(PodSpec spec) {
    for (Toleration t : DAEMON_TOLERATIONS) {
      addOrUpdateToleration(spec, t);
    }
    if (Boolean.TRUE.equals(spec.getHostNetwork())) {
      addOrUpdateToleration(spec, NETWORK_UNAVAILABLE);
    }
  }

  /**
   * {@code AddOrUpdateTolerationInPodSpec}: a toleration with the same key, operator, value and
   * effect is replaced (so a {@code tolerationSeconds} the user set on not-ready is dropped: daemon
   * pods tolerate it forever); otherwise the toleration is appended.
   */
  static void addOrUpdateToleration(PodSpec spec, Toleration toleration) {
    List<Toleration> current = spec.getTolerations() == null ? List.of() : spec.getTolerations();
    List<Toleration> next = new ArrayList<>();
    boolean replaced = false;
    for (Toleration t : current) {
      if (Objects.equals(t.getKey(), toleration.getKey()) && Objects.equals(t.getEffect(), toleration.getEffect())
          && Objects.equals(t.getOperator(), toleration.getOperator())
          && Objects.equals(t.getValue(), toleration.getValue())) {
        next.add(toleration);
        replaced = true;
      } else {
        next.add(t);
      }
    }
    if (!replaced) {
      next.add(toleration);
    }
    spec.setTolerations(next);
  }

  /** {@code GetTemplateGeneration}: empty if the annotation is missing or unparsable. */
  public static Optional<Long> templateGeneration(DaemonSet ds) {
    Map<String, String> ann = ds.getMetadata().getAnnotations();
    if (ann == null || !ann.containsKey(TEMPLATE_GENERATION_ANNOTATION)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(ann.get(TEMPLATE_GENERATION_ANNOTATION)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** {@code CreatePodTemplate}: a copy with the daemon tolerations and the generation and hash labels. */
  public static PodTemplateSpec createPodTemplate(PodTemplateSpec template, Optional<Long> generation, String hash) {
    PodTemplateSpec t = DeepCopy.of(template);
    addOrUpdateDaemonPodTolerations(t.getSpec());
    Map<String, String> labels = t.getMetadata().getLabels() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(t.getMetadata().getLabels());
    generation.ifPresent(g -> labels.put(TEMPLATE_GENERATION_LABEL, Long.toString(g)));
    if (hash != null && !hash.isEmpty()) {
      labels.put(CONTROLLER_REVISION_HASH_LABEL, hash);
    }
    t.getMetadata().setLabels(labels);
    return t;
  }

  /** {@code IsPodUpdated}: the pod carries the current hash or the current template generation. */
  public static boolean isPodUpdated(Pod pod, String hash, Optional<Long> generation) {
    Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
    boolean templateMatches = generation.isPresent()
        && generation.get().toString().equals(labels.get(TEMPLATE_GENERATION_LABEL));
    boolean hashMatches = hash != null && !hash.isEmpty() && hash.equals(labels.get(CONTROLLER_REVISION_HASH_LABEL));
    return hashMatches || templateMatches;
  }

  /**
   * {@code ReplaceDaemonSetPodNodeNameNodeAffinity}: the required node affinity becomes the one term
   * {@code metadata.name In [node]}, replacing every term there was. That is safe because the
   * controller already checked the DaemonSet's own affinity against this node; the scheduler then
   * only has to honour the node name (and resources, ports, taints).
   */
  public static Affinity replaceNodeNameNodeAffinity(Affinity affinity, String nodeName) {
    NodeSelector selector = new NodeSelectorBuilder().addNewNodeSelectorTerm().addNewMatchField()
        .withKey("metadata.name").withOperator("In").withValues(nodeName).endMatchField().endNodeSelectorTerm().build();
    if (affinity == null) {
      return new AffinityBuilder().withNewNodeAffinity().withRequiredDuringSchedulingIgnoredDuringExecution(selector)
          .endNodeAffinity().build();
    }
    if (affinity.getNodeAffinity() == null) {
      return new AffinityBuilder(affinity).withNewNodeAffinity()
          .withRequiredDuringSchedulingIgnoredDuringExecution(selector).endNodeAffinity().build();
    }
    return new AffinityBuilder(affinity).editNodeAffinity()
        .withRequiredDuringSchedulingIgnoredDuringExecution(selector).endNodeAffinity().build();
  }

  /**
   * {@code GetTargetNodeName}: the node a daemon pod is for: its {@code spec.nodeName} once bound,
   * before that the node its {@code metadata.name} affinity names.
   */
  public static Optional<String> targetNodeName(Pod pod) {
    if (pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty()) {
      return Optional.of(pod.getSpec().getNodeName());
    }
    var affinity = pod.getSpec().getAffinity();
    if (affinity == null || affinity.getNodeAffinity() == null
        || affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
      return Optional.empty();
    }
    for (NodeSelectorTerm term : affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
        .getNodeSelectorTerms()) {
      for (NodeSelectorRequirement r : term.getMatchFields() == null ? List.<NodeSelectorRequirement>of()
          : term.getMatchFields()) {
        if ("metadata.name".equals(r.getKey()) && "In".equals(r.getOperator())) {
          return r.getValues() != null && r.getValues().size() == 1 ? Optional.of(r.getValues().get(0)) : Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** {@code SurgeCount}: how many nodes may run an extra new pod at once (0 unless RollingUpdate). */
  public static int surgeCount(DaemonSet ds, int numberToSchedule) {
    var us = ds.getSpec().getUpdateStrategy();
    if (us == null || !"RollingUpdate".equals(us.getType()) || us.getRollingUpdate() == null) {
      return 0;
    }
    var maxSurge = us.getRollingUpdate().getMaxSurge();
    return maxSurge == null ? 0 : IntOrPercent.scaled(maxSurge, numberToSchedule, true);
  }

  /** {@code UnavailableCount}: how many nodes may be without an available pod during an update. */
  public static int unavailableCount(DaemonSet ds, int numberToSchedule) {
    var us = ds.getSpec().getUpdateStrategy();
    if (us == null || !"RollingUpdate".equals(us.getType()) || us.getRollingUpdate() == null) {
      return 0;
    }
    var maxUnavailable = us.getRollingUpdate().getMaxUnavailable();
    return maxUnavailable == null ? 0 : IntOrPercent.scaled(maxUnavailable, numberToSchedule, true);
  }

  /** {@code AllowsSurge}. */
  public static boolean allowsSurge(DaemonSet ds) {
    try {
      return surgeCount(ds, 1) > 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
