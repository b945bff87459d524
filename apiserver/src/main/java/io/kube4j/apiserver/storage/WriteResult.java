package io.kube4j.apiserver.storage;

/**
 * The outcome of a conditional write. Expected failures are values, not exceptions, because the
 * registry turns each into a different API error (AlreadyExists, Conflict, NotFound) and some into a
 * retry.
 */
public sealed interface WriteResult {

  /** The write happened at {@code revision}. */
  record Written(long revision) implements WriteResult {}

  /** A create found the key taken; {@code current} is what is there. */
  record AlreadyExists(KeyValue current) implements WriteResult {}

  /** A compare-and-swap lost: the key was written since the caller read it. */
  record Conflict(KeyValue current) implements WriteResult {}

  /** The key does not exist (update or delete of a missing object). */
  record NotFound() implements WriteResult {}
}
