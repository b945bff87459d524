package io.kube4j.apiserver.registry.autoscaling.scale;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;
import java.util.Optional;

/** How one workload type exposes its replicas: desired, observed and the pod selector. */
public interface ScaleAccess<T extends HasMetadata> {

  int desired(T obj);

  void setDesired(T obj, int replicas);

  int observed(T obj);

  /** The selector in its string form ({@code app=web}), as {@code Scale.status.selector} carries it. */
  String selector(T obj);

  /** The access of the scalable built-in types, or empty for a type without a scale subresource. */
  @SuppressWarnings("unchecked")
  static <T extends HasMetadata> Optional<ScaleAccess<T>> forType(Class<T> type) {
    Object access = Map.<Class<?>, ScaleAccess<?>>of(
        Deployment.class, new Of<Deployment>(d -> d.getSpec().getReplicas(), (d, r) -> d.getSpec().setReplicas(r),
            d -> d.getStatus() == null ? null : d.getStatus().getReplicas(), d -> d.getSpec().getSelector()),
        ReplicaSet.class, new Of<ReplicaSet>(d -> d.getSpec().getReplicas(), (d, r) -> d.getSpec().setReplicas(r),
            d -> d.getStatus() == null ? null : d.getStatus().getReplicas(), d -> d.getSpec().getSelector()),
        StatefulSet.class, new Of<StatefulSet>(d -> d.getSpec().getReplicas(), (d, r) -> d.getSpec().setReplicas(r),
            d -> d.getStatus() == null ? null : d.getStatus().getReplicas(), d -> d.getSpec().getSelector()),
        ReplicationController.class, new Of<ReplicationController>(d -> d.getSpec().getReplicas(),
            (d, r) -> d.getSpec().setReplicas(r), d -> d.getStatus() == null ? null : d.getStatus().getReplicas(),
            d -> new LabelSelector(null, d.getSpec().getSelector()))).get(type);
    return Optional.ofNullable((ScaleAccess<T>) access);
  }

  /** A ScaleAccess from four accessors; absent numbers count as zero. */
  record Of<T extends HasMetadata>(
      java.util.function.Function<T, Integer> desiredOf,
      java.util.function.BiConsumer<T, Integer> desiredSetter,
      java.util.function.Function<T, Integer> observedOf,
      java.util.function.Function<T, LabelSelector> selectorOf) implements ScaleAccess<T> {

    @Override
    public int desired(T obj) {
      Integer r = desiredOf.apply(obj);
      return r == null ? 0 : r;
    }

    @Override
    public void setDesired(T obj, int replicas) {
      desiredSetter.accept(obj, replicas);
    }

    @Override
    public int observed(T obj) {
      Integer r = observedOf.apply(obj);
      return r == null ? 0 : r;
    }

    @Override
    public String selector(T obj) {
      LabelSelector s = selectorOf.apply(obj);
      return s == null ? "" : io.kube4j.apiserver.labels.LabelSelector.fromLabelSelector(s).toString();
    }
  }
}
