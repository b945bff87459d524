package io.kube4j.apiserver.registry.generic;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The body of a DELETE ({@code metav1.DeleteOptions}), already parsed.
 *
 * @param gracePeriodSeconds as requested; empty for the resource's default
 * @param preconditionUid delete only if the object still has this uid
 * @param preconditionResourceVersion delete only if the object is still at this version
 * @param propagationPolicy {@code Orphan}, {@code Background} or {@code Foreground}; empty = default
 * @param dryRun validate only, write nothing
 */
public record DeleteOptions(
    OptionalLong gracePeriodSeconds,
    Optional<String> preconditionUid,
    Optional<String> preconditionResourceVersion,
    Optional<String> propagationPolicy,
    boolean dryRun) {

  public static DeleteOptions defaults() {
    return new DeleteOptions(OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
  }
}
