package io.kube4j.apiserver.watch;

/**
 * The receiving end of one client watch: the HTTP layer implements it by writing each event to the
 * connection. Calls come from the cache's dispatch thread, in revision order, never concurrently.
 */
public interface Watcher {

  /** Delivers one event. Must not block: write asynchronously and return. */
  void onEvent(WatchEvent event);

  /**
   * The watch ended on the server side: too old a resourceVersion (410), the cache was reset, or
   * the watcher fell too far behind. The HTTP layer writes an ERROR event and closes the stream.
   */
  void onClose(io.kube4j.apiserver.api.StatusException why);

  /** Whether the client asked for BOOKMARK events ({@code allowWatchBookmarks=true}). */
  default boolean wantsBookmarks() {
    return false;
  }
}
