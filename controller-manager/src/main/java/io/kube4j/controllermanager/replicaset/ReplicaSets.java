package io.kube4j.controllermanager.replicaset;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.List;
import java.util.Optional;

/**
 * Where the ReplicaSet controller reads and writes the objects it reconciles: apps/v1 ReplicaSets, or
 * core/v1 ReplicationControllers seen as ReplicaSets (upstream's informer, lister and clientset
 * adapters in {@code pkg/controller/replication}, "as if ReplicationController were just an older API
 * version of ReplicaSet"). Objects returned are copies the caller may change.
 */
public interface ReplicaSets {

  /** The API version and kind written in controller references and events, e.g. {@code apps/v1}, {@code ReplicaSet}. */
  String apiVersion();

  String kind();

  /** From the informer cache. */
  Optional<ReplicaSet> get(String key);

  /** Every one in {@code namespace}, from the informer cache. */
  List<ReplicaSet> list(String namespace);

  /** A live read (a quorum GET), as the adoption check needs; null when not found. */
  ReplicaSet fetch(String namespace, String name);

  /** PUT {@code status} (with the object's resourceVersion); the result as stored. */
  ReplicaSet updateStatus(ReplicaSet rs);

  /** Registers an informer handler; events carry ReplicaSets. */
  void addEventHandler(ResourceEventHandler<ReplicaSet> handler);
}
