package io.kube4j.scheduler.testing;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.TaintBuilder;

/** {@code Nodes.node("n1").allocatable("cpu", "2", "memory", "4Gi", "pods", "110").taint(...).build()}. */
public final class Nodes {

  private final NodeBuilder b;

  private Nodes(String name) {
    b = new NodeBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().endSpec()
        .withNewStatus().endStatus();
  }

  public static Nodes node(String name) {
    return new Nodes(name);
  }

  public Nodes allocatable(String... pairs) {
    b.editStatus().withAllocatable(Pods.quantities(pairs)).withCapacity(Pods.quantities(pairs)).endStatus();
    return this;
  }

  public Nodes label(String key, String value) {
    b.editMetadata().addToLabels(key, value).endMetadata();
    return this;
  }

  public Nodes taint(String key, String value, String effect) {
    b.editSpec().addToTaints(new TaintBuilder().withKey(key).withValue(value).withEffect(effect).build()).endSpec();
    return this;
  }

  public Nodes unschedulable() {
    b.editSpec().withUnschedulable(true).endSpec();
    return this;
  }

  public Node build() {
    return b.build();
  }
}
