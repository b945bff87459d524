package io.kube4j.controllermanager.replicaset;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.controllermanager.controller.DeepCopy;
import java.util.List;
import java.util.Optional;

/** apps/v1 ReplicaSets: the shared informer to read, the controller's client to write. */
final class AppsV1ReplicaSets implements ReplicaSets {

  private final SharedIndexInformer<ReplicaSet> informer;
  private final KubernetesClient client;

  AppsV1ReplicaSets(SharedIndexInformer<ReplicaSet> informer, KubernetesClient client) {
    this.informer = informer;
    this.client = client;
  }

  @Override
  public String apiVersion() {
    return "apps/v1";
  }

  @Override
  public String kind() {
    return "ReplicaSet";
  }

  @Override
  public Optional<ReplicaSet> get(String key) {
    return Optional.ofNullable(informer.getIndexer().getByKey(key)).map(DeepCopy::of);
  }

  @Override
  public List<ReplicaSet> list(String namespace) {
    return informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace);
  }

  @Override
  public ReplicaSet fetch(String namespace, String name) {
    return client.apps().replicaSets().inNamespace(namespace).withName(name).get();
  }

  @Override
  public ReplicaSet updateStatus(ReplicaSet rs) {
    return client.apps().replicaSets().inNamespace(rs.getMetadata().getNamespace()).resource(rs).updateStatus();
  }

  @Override
  public void addEventHandler(ResourceEventHandler<ReplicaSet> handler) {
    informer.addEventHandler(handler);
  }
}
