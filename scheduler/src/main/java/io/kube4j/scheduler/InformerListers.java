package io.kube4j.scheduler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.scheduler.framework.Listers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The informers behind {@link Listers}: the objects PodTopologySpread's default constraints look up
 * (services, replication controllers, replica sets, stateful sets), the namespaces of
 * InterPodAffinity's {@code namespaceSelector}, and the PodDisruptionBudgets preemption respects.
 * Started with the pod and node informers, before the scheduler may lead.
 */
final class InformerListers implements Listers, AutoCloseable {

  private final Map<Class<?>, SharedIndexInformer<? extends HasMetadata>> informers;

  InformerListers(KubernetesClient client) {
    this.informers = Map.of(
        Service.class, client.services().inAnyNamespace().runnableInformer(0),
        ReplicationController.class, client.replicationControllers().inAnyNamespace().runnableInformer(0),
        ReplicaSet.class, client.apps().replicaSets().inAnyNamespace().runnableInformer(0),
        StatefulSet.class, client.apps().statefulSets().inAnyNamespace().runnableInformer(0),
        PodDisruptionBudget.class, client.policy().v1().podDisruptionBudget().inAnyNamespace().runnableInformer(0),
        Namespace.class, client.namespaces().runnableInformer(0));
  }

  CompletableFuture<Void> start() {
    return CompletableFuture.allOf(informers.values().stream().map(i -> i.start().toCompletableFuture())
        .toArray(CompletableFuture[]::new));
  }

  @Override
  public <T extends HasMetadata> List<T> list(Class<T> type, String namespace) {
    SharedIndexInformer<T> informer = informer(type);
    if (namespace == null) {
      return informer.getStore().list();
    }
    return informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace);
  }

  @Override
  public <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
    String key = namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    return Optional.ofNullable(informer(type).getStore().getByKey(key));
  }

  @SuppressWarnings("unchecked")
  private <T extends HasMetadata> SharedIndexInformer<T> informer(Class<T> type) {
    SharedIndexInformer<T> i = (SharedIndexInformer<T>) informers.get(type);
    if (i == null) {
      throw new IllegalArgumentException("the scheduler has no informer for " + type.getSimpleName());
    }
    return i;
  }

  @Override
  public void close() {
    informers.values().forEach(SharedIndexInformer::stop);
  }
}
