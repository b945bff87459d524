package io.kube4j.scheduler.testing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTermBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code Pods.pod("p").req("cpu", "500m").toleration(...).build()}. */
public final class Pods {

  private final PodBuilder b;
  private final List<Container> containers = new ArrayList<>();
  private final List<Container> initContainers = new ArrayList<>();

  private Pods(String name) {
    b = new PodBuilder().withNewMetadata().withName(name).withNamespace("default")
        .withUid(UUID.randomUUID().toString()).endMetadata().withNewSpec().endSpec().withNewStatus().endStatus();
  }

  public static Pods pod(String name) {
    return new Pods(name);
  }

  public Pods namespace(String ns) {
    b.editMetadata().withNamespace(ns).endMetadata();
    return this;
  }

  /** A container requesting the given {@code resource, quantity} pairs. */
  public Pods container(String... requests) {
    containers.add(newContainer("c" + containers.size(), requests));
    return this;
  }

  public Pods initContainer(String... requests) {
    initContainers.add(newContainer("init" + initContainers.size(), requests));
    return this;
  }

  public Pods overhead(String... amounts) {
    b.editSpec().withOverhead(quantities(amounts)).endSpec();
    return this;
  }

  public Pods priority(int p) {
    b.editSpec().withPriority(p).endSpec();
    return this;
  }

  public Pods priorityClassName(String name) {
    b.editSpec().withPriorityClassName(name).endSpec();
    return this;
  }

  public Pods preemptionPolicy(String policy) {
    b.editSpec().withPreemptionPolicy(policy).endSpec();
    return this;
  }

  public Pods startTime(String rfc3339) {
    b.editOrNewStatus().withStartTime(rfc3339).endStatus();
    return this;
  }

  public Pods nodeSelector(String key, String value) {
    b.editSpec().addToNodeSelector(key, value).endSpec();
    return this;
  }

  public Pods toleration(String key, String operator, String value, String effect) {
    Toleration t = new TolerationBuilder().withKey(key).withOperator(operator).withValue(value).withEffect(effect).build();
    b.editSpec().addToTolerations(t).endSpec();
    return this;
  }

  public Pods requiredNodeAffinity(NodeSelectorRequirement... exprs) {
    b.editSpec().editOrNewAffinity().editOrNewNodeAffinity().editOrNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addToNodeSelectorTerms(new NodeSelectorTermBuilder().withMatchExpressions(exprs).build())
        .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity().endSpec();
    return this;
  }

  public Pods preferredNodeAffinity(int weight, NodeSelectorRequirement... exprs) {
    b.editSpec().editOrNewAffinity().editOrNewNodeAffinity().addToPreferredDuringSchedulingIgnoredDuringExecution(
        new PreferredSchedulingTermBuilder().withWeight(weight).withNewPreference().withMatchExpressions(exprs)
            .endPreference().build()).endNodeAffinity().endAffinity().endSpec();
    return this;
  }

  public Pods label(String key, String value) {
    b.editMetadata().addToLabels(key, value).endMetadata();
    return this;
  }

  /** Bound (or assumed) to the node. */
  public Pods node(String nodeName) {
    b.editSpec().withNodeName(nodeName).endSpec();
    return this;
  }

  public Pods terminating() {
    b.editMetadata().withDeletionTimestamp("2024-01-01T00:00:00Z").endMetadata();
    return this;
  }

  /** A topology spread constraint selecting {@code matchLabels} given as key, value pairs. */
  public Pods spreadConstraint(int maxSkew, String topologyKey, String whenUnsatisfiable, String... matchLabels) {
    return spreadConstraint(new TopologySpreadConstraintBuilder().withMaxSkew(maxSkew).withTopologyKey(topologyKey)
        .withWhenUnsatisfiable(whenUnsatisfiable).withLabelSelector(selector(matchLabels)).build());
  }

  public Pods spreadConstraint(TopologySpreadConstraint c) {
    b.editSpec().addToTopologySpreadConstraints(c).endSpec();
    return this;
  }

  /** A controller owner reference, e.g. {@code owner("apps/v1", "ReplicaSet", "web-abc")}. */
  public Pods owner(String apiVersion, String kind, String name) {
    b.editMetadata().addToOwnerReferences(new OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(kind)
        .withName(name).withUid(UUID.randomUUID().toString()).withController(true).build()).endMetadata();
    return this;
  }

  /** A required pod affinity term: pods matching {@code matchLabels} in the same {@code topologyKey} domain. */
  public Pods podAffinity(String topologyKey, String... matchLabels) {
    return podAffinity(term(topologyKey, matchLabels));
  }

  public Pods podAffinity(PodAffinityTerm t) {
    b.editSpec().editOrNewAffinity().editOrNewPodAffinity().addToRequiredDuringSchedulingIgnoredDuringExecution(t)
        .endPodAffinity().endAffinity().endSpec();
    return this;
  }

  public Pods podAntiAffinity(String topologyKey, String... matchLabels) {
    return podAntiAffinity(term(topologyKey, matchLabels));
  }

  public Pods podAntiAffinity(PodAffinityTerm t) {
    b.editSpec().editOrNewAffinity().editOrNewPodAntiAffinity().addToRequiredDuringSchedulingIgnoredDuringExecution(t)
        .endPodAntiAffinity().endAffinity().endSpec();
    return this;
  }

  public Pods preferredPodAffinity(int weight, String topologyKey, String... matchLabels) {
    b.editSpec().editOrNewAffinity().editOrNewPodAffinity().addToPreferredDuringSchedulingIgnoredDuringExecution(
        new WeightedPodAffinityTerm(term(topologyKey, matchLabels), weight)).endPodAffinity().endAffinity().endSpec();
    return this;
  }

  public Pods preferredPodAntiAffinity(int weight, String topologyKey, String... matchLabels) {
    b.editSpec().editOrNewAffinity().editOrNewPodAntiAffinity().addToPreferredDuringSchedulingIgnoredDuringExecution(
        new WeightedPodAffinityTerm(term(topologyKey, matchLabels), weight)).endPodAntiAffinity().endAffinity()
        .endSpec();
    return this;
  }

  public static PodAffinityTerm term(String topologyKey, String... matchLabels) {
    return new PodAffinityTermBuilder().withTopologyKey(topologyKey).withLabelSelector(selector(matchLabels)).build();
  }

  public static LabelSelector selector(String... matchLabels) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < matchLabels.length; i += 2) {
      m.put(matchLabels[i], matchLabels[i + 1]);
    }
    return new LabelSelectorBuilder().withMatchLabels(m).build();
  }

  public Pod build() {
    List<Container> cs = containers.isEmpty() ? List.of(newContainer("c0")) : containers;
    b.editSpec().withContainers(cs).withInitContainers(initContainers).endSpec();
    return b.build();
  }

  private static Container newContainer(String name, String... requests) {
    return new ContainerBuilder().withName(name).withImage("registry.k8s.io/pause:3.10")
        .withNewResources().withRequests(quantities(requests)).endResources().build();
  }

  static Map<String, Quantity> quantities(String... pairs) {
    Map<String, Quantity> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], new Quantity(pairs[i + 1]));
    }
    return m;
  }
}
