package io.kube4j.apiserver.registry.generic;

/**
 * What an update writes: the main resource, or a subresource that owns part of the object
 * ({@code status}, a CSR's {@code approval}), whose strategy keeps everything else.
 *
 * @param subresource empty for the main resource
 * @param prepared whether the subresource's REST built the new object itself (no strategy rules)
 */
public record UpdateTarget(String subresource, boolean prepared) {
  /** The object itself: the strategy's update rules apply. */
  public static final UpdateTarget MAIN = new UpdateTarget("", false);
  /** The status subresource: the status strategy keeps everything but status. */
  public static final UpdateTarget STATUS = new UpdateTarget("status", false);
  /**
   * A subresource whose REST already built the new object from the current one
   * ({@code namespaces/finalize}, {@code pods/binding}, which sets the otherwise immutable
   * {@code spec.nodeName}): only generic metadata rules apply.
   */
  public static final UpdateTarget PREPARED = new UpdateTarget("", true);

  /** The target of a PUT or PATCH to {@code subresource} (empty: the main resource). */
  public static UpdateTarget of(String subresource) {
    return subresource.isEmpty() ? MAIN : new UpdateTarget(subresource, false);
  }
}
