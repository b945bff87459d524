package io.kube4j.scheduler.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.scheduler.framework.Handle;
import io.kube4j.scheduler.framework.Listers;
import io.kube4j.scheduler.framework.NodeInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of nodes with their pods and in-memory listers, for plugin unit tests (upstream's
 * {@code cache.NewSnapshot(pods, nodes)} plus fake informers). No API client.
 */
public final class FakeHandle implements Handle, Listers {

  private final Map<String, NodeInfo> nodes = new LinkedHashMap<>();
  private final List<HasMetadata> objects = new ArrayList<>();
  private FilterRunner filterRunner;

  public static FakeHandle of(List<Node> nodes, List<Pod> pods) {
    FakeHandle h = new FakeHandle();
    nodes.forEach(n -> h.nodes.put(n.getMetadata().getName(), new NodeInfo(n)));
    pods.forEach(h::addPod);
    return h;
  }

  /** Adds a pod to the node its {@code spec.nodeName} names. */
  public FakeHandle addPod(Pod pod) {
    nodes.get(pod.getSpec().getNodeName()).addPod(pod, 1);
    return this;
  }

  public FakeHandle withObjects(HasMetadata... objs) {
    objects.addAll(List.of(objs));
    return this;
  }

  /** The filters preemption re-runs (upstream's fake framework handle). */
  public FakeHandle withFilterRunner(FilterRunner runner) {
    this.filterRunner = runner;
    return this;
  }

  @Override
  public FilterRunner filterRunner() {
    if (filterRunner == null) {
      throw new UnsupportedOperationException("no filter runner given");
    }
    return filterRunner;
  }

  public NodeInfo node(String name) {
    return nodes.get(name);
  }

  @Override
  public KubernetesClient client() {
    throw new UnsupportedOperationException("no API client in unit tests");
  }

  @Override
  public List<NodeInfo> snapshotNodes() {
    return List.copyOf(nodes.values());
  }

  @Override
  public Optional<NodeInfo> snapshotNode(String name) {
    return Optional.ofNullable(nodes.get(name));
  }

  @Override
  public Listers listers() {
    return this;
  }

  @Override
  public <T extends HasMetadata> List<T> list(Class<T> type, String namespace) {
    return objects.stream().filter(type::isInstance).map(type::cast)
        .filter(o -> namespace == null || namespace.equals(o.getMetadata().getNamespace())).toList();
  }

  @Override
  public <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
    return list(type, namespace).stream().filter(o -> Objects.equals(name, o.getMetadata().getName())).findFirst();
  }
}
