package io.kube4j.scheduler.testing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
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
        .withUid(UUID.randomUUID().toString()).endMetadata().withNewSpec().endSpec();
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
