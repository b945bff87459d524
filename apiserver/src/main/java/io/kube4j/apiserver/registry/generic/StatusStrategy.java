package io.kube4j.apiserver.registry.generic;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kube4j.apiserver.api.FieldError;
import java.util.List;

/**
 * Writes through the {@code status} subresource: the new object's spec (and most metadata) is
 * replaced by the stored one, so only {@code status} changes ({@code *StatusStrategy} upstream).
 */
public interface StatusStrategy<T extends HasMetadata> {

  /** Copies everything but status from {@code old} into {@code obj}. */
  void prepareForUpdate(T obj, T old);

  default List<FieldError> validateUpdate(T obj, T old) {
    return List.of();
  }
}
