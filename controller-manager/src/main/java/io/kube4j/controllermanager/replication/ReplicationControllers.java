package io.kube4j.controllermanager.replication;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.ReplicationControllerCondition;
import io.fabric8.kubernetes.api.model.ReplicationControllerConditionBuilder;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.controllermanager.replicaset.ReplicaSets;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * ReplicationControllers seen as ReplicaSets ({@code conversion.go}: informer, lister and clientset
 * adapters). The RC's {@code spec.selector} map becomes {@code matchLabels}; an RC without a selector
 * selects its template's labels, as the apiserver defaults it. Status goes back field by field.
 */
final class ReplicationControllers implements ReplicaSets {

  private final SharedIndexInformer<ReplicationController> informer;
  private final KubernetesClient client;

  ReplicationControllers(SharedIndexInformer<ReplicationController> informer, KubernetesClient client) {
    this.informer = informer;
    this.client = client;
  }

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public String kind() {
    return "ReplicationController";
  }

  @Override
  public Optional<ReplicaSet> get(String key) {
    return Optional.ofNullable(informer.getIndexer().getByKey(key)).map(ReplicationControllers::toReplicaSet);
  }

  @Override
  public List<ReplicaSet> list(String namespace) {
    return informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream()
        .map(ReplicationControllers::toReplicaSet).toList();
  }

  @Override
  public ReplicaSet fetch(String namespace, String name) {
    ReplicationController rc = client.replicationControllers().inNamespace(namespace).withName(name).get();
    return rc == null ? null : toReplicaSet(rc);
  }

  /** The RC as cached (or fetched, if the cache no longer has it) with the ReplicaSet's status, PUT. */
  @Override
  public ReplicaSet updateStatus(ReplicaSet rs) {
    String ns = rs.getMetadata().getNamespace();
    ReplicationController rc = new ReplicationControllerBuilder(toReplicationController(rs))
        .withStatus(toStatus(rs.getStatus())).build();
    return toReplicaSet(client.replicationControllers().inNamespace(ns).resource(rc).updateStatus());
  }

  @Override
  public void addEventHandler(ResourceEventHandler<ReplicaSet> handler) {
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(ReplicationController rc) {
        handler.onAdd(toReplicaSet(rc));
      }

      @Override
      public void onUpdate(ReplicationController old, ReplicationController cur) {
        handler.onUpdate(toReplicaSet(old), toReplicaSet(cur));
      }

      @Override
      public void onDelete(ReplicationController rc, boolean deletedFinalStateUnknown) {
        handler.onDelete(toReplicaSet(rc), deletedFinalStateUnknown);
      }
    });
  }

  /** {@code Convert_v1_ReplicationController_To_apps_ReplicaSet}. */
  static ReplicaSet toReplicaSet(ReplicationController rc) {
    var spec = rc.getSpec();
    var selector = spec.getSelector() != null ? spec.getSelector()
        : spec.getTemplate() != null && spec.getTemplate().getMetadata() != null
            ? spec.getTemplate().getMetadata().getLabels() : null;
    var status = rc.getStatus() == null ? new ReplicationControllerStatus() : rc.getStatus();
    return new ReplicaSetBuilder()
        .withMetadata(new ObjectMetaBuilder(rc.getMetadata()).build())
        .withNewSpec().withReplicas(spec.getReplicas() == null ? 1 : spec.getReplicas())
        .withMinReadySeconds(spec.getMinReadySeconds())
        .withSelector(selector == null ? null : new LabelSelectorBuilder().withMatchLabels(new HashMap<>(selector)).build())
        .withTemplate(spec.getTemplate() == null ? null : new PodTemplateSpecBuilder(spec.getTemplate()).build())
        .endSpec()
        .withStatus(new ReplicaSetStatusBuilder().withReplicas(status.getReplicas())
            .withFullyLabeledReplicas(status.getFullyLabeledReplicas()).withReadyReplicas(status.getReadyReplicas())
            .withAvailableReplicas(status.getAvailableReplicas()).withObservedGeneration(status.getObservedGeneration())
            .withConditions(status.getConditions() == null ? List.of() : status.getConditions().stream()
                .map(ReplicationControllers::toCondition).toList())
            .build())
        .build();
  }

  /** The RC the ReplicaSet was converted from (spec as the RC had it; status as the ReplicaSet has it). */
  private ReplicationController toReplicationController(ReplicaSet rs) {
    ReplicationController cached = informer.getIndexer().getByKey(rs.getMetadata().getNamespace() + "/"
        + rs.getMetadata().getName());
    ReplicationController base = cached != null ? cached
        : client.replicationControllers().inNamespace(rs.getMetadata().getNamespace())
            .withName(rs.getMetadata().getName()).get();
    return new ReplicationControllerBuilder(base).withMetadata(new ObjectMetaBuilder(rs.getMetadata()).build()).build();
  }

  private static ReplicationControllerStatus toStatus(ReplicaSetStatus s) {
    return new ReplicationControllerStatusBuilder().withReplicas(s.getReplicas())
        .withFullyLabeledReplicas(s.getFullyLabeledReplicas()).withReadyReplicas(s.getReadyReplicas())
        .withAvailableReplicas(s.getAvailableReplicas()).withObservedGeneration(s.getObservedGeneration())
        .withConditions(s.getConditions() == null ? List.of() : s.getConditions().stream()
            .map(ReplicationControllers::toCondition).toList())
        .build();
  }

  private static ReplicaSetCondition toCondition(ReplicationControllerCondition c) {
    return new ReplicaSetConditionBuilder().withType(c.getType()).withStatus(c.getStatus()).withReason(c.getReason())
        .withMessage(c.getMessage()).withLastTransitionTime(c.getLastTransitionTime()).build();
  }

  private static ReplicationControllerCondition toCondition(ReplicaSetCondition c) {
    return new ReplicationControllerConditionBuilder().withType(c.getType()).withStatus(c.getStatus())
        .withReason(c.getReason()).withMessage(c.getMessage()).withLastTransitionTime(c.getLastTransitionTime()).build();
  }
}
