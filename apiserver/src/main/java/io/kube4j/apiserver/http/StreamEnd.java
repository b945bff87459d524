package io.kube4j.apiserver.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The end of a streamed response, which comes once: from the server ({@code close}) or from the
 * client going away. Callbacks registered before or after it run exactly once. Guarded by
 * {@code this}; callbacks run outside the lock.
 */
final class StreamEnd {

  private boolean ended;
  private final List<Runnable> callbacks = new ArrayList<>();

  /** Marks the end; true for the caller that ended it (who then writes the closing bytes). */
  boolean end() {
    List<Runnable> run;
    synchronized (this) {
      if (ended) {
        return false;
      }
      ended = true;
      run = new ArrayList<>(callbacks);
      callbacks.clear();
    }
    run.forEach(Runnable::run);
    return true;
  }

  synchronized boolean ended() {
    return ended;
  }

  void onEnd(Runnable action) {
    synchronized (this) {
      if (!ended) {
        callbacks.add(action);
        return;
      }
    }
    action.run();
  }
}
