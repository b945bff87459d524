package io.kube4j.apiserver.storage;

/**
 * One change seen by a storage watch, in revision order.
 *
 * @param type PUT for a create or update, DELETE for a removal
 * @param current the new value (for DELETE: the key with an empty value at the deletion revision)
 * @param previous the value before the change, or absent for a create
 */
public record StorageEvent(Type type, KeyValue current, java.util.Optional<KeyValue> previous) {

  public enum Type { PUT, DELETE }

  /** The revision this event happened at. */
  public long revision() {
    return current.modRevision();
  }

  /** A create: a PUT with no previous value. */
  public boolean isCreate() {
    return type == Type.PUT && previous.isEmpty();
  }
}
