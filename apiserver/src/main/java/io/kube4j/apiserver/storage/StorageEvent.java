package io.kube4j.apiserver.storage;

/**
 * One change seen by a storage watch, in revision order. It carries no previous value: the watch
 * cache already holds every object's last state, so etcd need not read and send it (no
 * {@code prevKV} on the watch).
 *
 * @param type PUT for a create or update, DELETE for a removal
 * @param current the new value (for DELETE: the key with an empty value at the deletion revision)
 */
public record StorageEvent(Type type, KeyValue current) {

  public enum Type { PUT, DELETE }

  /** The revision this event happened at. */
  public long revision() {
    return current.modRevision();
  }

  /** A create: a PUT of a key that did not exist, so etcd gives it the same create and mod revision. */
  public boolean isCreate() {
    return type == Type.PUT && current.createRevision() == current.modRevision();
  }
}
