package io.kube4j.apiserver.registry.autoscaling.scale;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.api.GroupKind;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.registry.generic.Store;
import io.kube4j.apiserver.registry.generic.UpdateTarget;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * GET, PUT and PATCH of {@code <workload>/scale}. A write changes only {@code spec.replicas} of the
 * workload, through the workload's own store (so its strategy bumps the generation), with the
 * Scale's resourceVersion as precondition when it carries one.
 */
public final class ScaleRest<T extends HasMetadata> {

  private static final GroupKind SCALE = GroupKind.of("autoscaling", "Scale");

  private final Store<T> store;
  private final ScaleAccess<T> access;

  public ScaleRest(Store<T> store, ScaleAccess<T> access) {
    this.store = store;
    this.access = access;
  }

  public Scale get(String namespace, String name) {
    return scaleOf(store.get(namespace, name, "").objectAs(store.type()));
  }

  /** Applies {@code change} to the current Scale and writes the replica count it asks for. */
  public Scale update(String namespace, String name, UnaryOperator<Scale> change, boolean dryRun) {
    T updated = store.update(namespace, name, current -> {
      Scale wanted = change.apply(scaleOf(current));
      Integer replicas = wanted.getSpec() == null ? null : wanted.getSpec().getReplicas();
      if (replicas == null || replicas < 0) {
        throw StatusException.invalid(SCALE, name, List.of(FieldError.invalid("spec.replicas", replicas,
            "must be greater than or equal to 0")));
      }
      String rv = wanted.getMetadata() == null ? null : wanted.getMetadata().getResourceVersion();
      current.getMetadata().setResourceVersion(rv == null || rv.isEmpty() ? null : rv);
      access.setDesired(current, replicas);
      return current;
    }, UpdateTarget.MAIN, dryRun);
    return scaleOf(updated);
  }

  private Scale scaleOf(T obj) {
    ObjectMeta m = obj.getMetadata();
    return new ScaleBuilder()
        .withMetadata(new ObjectMetaBuilder().withName(m.getName()).withNamespace(m.getNamespace())
            .withUid(m.getUid()).withResourceVersion(m.getResourceVersion())
            .withCreationTimestamp(m.getCreationTimestamp()).build())
        .withNewSpec().withReplicas(access.desired(obj)).endSpec()
        .withNewStatus().withReplicas(access.observed(obj)).withSelector(access.selector(obj)).endStatus()
        .build();
  }
}
