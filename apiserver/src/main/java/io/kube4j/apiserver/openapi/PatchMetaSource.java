package io.kube4j.apiserver.openapi;

import java.util.Optional;

/**
 * Strategic-merge-patch facts of one field of a model class: upstream declares them as Go struct tags
 * ({@code patchStrategy:"merge" patchMergeKey:"name"}); the OpenAPI document publishes them as
 * {@code x-kubernetes-patch-strategy} and {@code x-kubernetes-patch-merge-key}, which is where kubectl
 * reads them when it computes an {@code apply}/{@code edit} patch.
 */
@FunctionalInterface
public interface PatchMetaSource {

  /**
   * @param owner the Fabric8 model class declaring the field, e.g. {@code PodSpec.class}
   * @param jsonField the field's JSON name, e.g. {@code containers}
   */
  Optional<PatchMeta> lookup(Class<?> owner, String jsonField);

  /**
   * @param strategy e.g. {@code merge}, {@code retainKeys}, {@code merge,retainKeys}; never null
   * @param mergeKey e.g. {@code name}; null when the field is a map or a list of scalars
   */
  record PatchMeta(String strategy, String mergeKey) {}

  /** A source that knows no field; every list is then replaced as a whole by a patch. */
  static PatchMetaSource none() {
    return (owner, jsonField) -> Optional.empty();
  }
}
