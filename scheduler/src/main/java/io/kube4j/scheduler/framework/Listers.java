package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * Read-only views of the scheduler's informer caches beyond pods and nodes (services, replica sets,
 * stateful sets, namespaces, PodDisruptionBudgets), as the listers of upstream's
 * {@code SharedInformerFactory}. Objects returned are the cache's own: never mutate them.
 */
public interface Listers {

  /** Every object of {@code type} in {@code namespace}; all namespaces when it is null. */
  <T extends HasMetadata> List<T> list(Class<T> type, String namespace);

  <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name);
}
