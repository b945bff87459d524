package io.kube4j.scheduler.framework.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.scheduler.framework.Handle;
import io.kube4j.scheduler.framework.Listers;
import io.kube4j.scheduler.framework.NodeInfo;
import java.util.List;
import java.util.Optional;

/** The scheduler's handle as one profile's plugins see it: the same caches, plus that profile's filters. */
record FrameworkHandle(Handle delegate, Handle.FilterRunner filters) implements Handle {

  @Override
  public KubernetesClient client() {
    return delegate.client();
  }

  @Override
  public List<NodeInfo> snapshotNodes() {
    return delegate.snapshotNodes();
  }

  @Override
  public Optional<NodeInfo> snapshotNode(String name) {
    return delegate.snapshotNode(name);
  }

  @Override
  public Listers listers() {
    return delegate.listers();
  }

  @Override
  public io.kube4j.scheduler.events.EventRecorder eventRecorder() {
    return delegate.eventRecorder();
  }

  @Override
  public FilterRunner filterRunner() {
    return filters;
  }
}
