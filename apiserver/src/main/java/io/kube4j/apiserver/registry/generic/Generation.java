package io.kube4j.apiserver.registry.generic;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * {@code metadata.generation}: 1 on create, one more each time an update changes the desired state
 * (the spec), so a controller's {@code status.observedGeneration} tells whether it has seen it.
 */
public final class Generation {

  private Generation() {}

  /** Sets {@code obj}'s generation to {@code old}'s, plus one when {@code specChanged}. */
  public static void advance(HasMetadata obj, HasMetadata old, boolean specChanged) {
    Long previous = old.getMetadata().getGeneration();
    long generation = previous == null ? 0 : previous;
    obj.getMetadata().setGeneration(specChanged ? generation + 1 : generation);
  }
}
