package io.kube4j.apiserver.watch;

import java.util.Optional;

/**
 * A change as a client watch sees it ({@code watch.Event} upstream).
 *
 * @param type ADDED, MODIFIED, DELETED or BOOKMARK
 * @param object the object after the change (for DELETED: the last state, at the deletion revision)
 * @param previous the state before the change, used to turn a MODIFIED into ADDED/DELETED for
 *     watchers whose selector the object enters or leaves
 * @param resourceVersion the revision of the change (for BOOKMARK: the revision the watcher has seen up to)
 */
public record WatchEvent(Type type, CachedObject object, Optional<CachedObject> previous, long resourceVersion) {

  public enum Type { ADDED, MODIFIED, DELETED, BOOKMARK }
}
