package io.kube4j.apiserver.storage;

import java.util.Optional;

/**
 * The versioned store beneath the registry ({@code storage.Interface} upstream). Implementations are
 * thread safe. Reads are linearizable unless a revision is given.
 */
public interface Storage extends AutoCloseable {

  /** The current value of {@code key}, read at the latest revision. */
  Optional<KeyValue> get(String key);

  /**
   * Keys under {@code prefix} from {@code startKey} (inclusive; the prefix itself when empty), at
   * {@code revision} (0 = latest), at most {@code limit} (0 = all).
   *
   * @throws CompactedException when {@code revision} was compacted away
   */
  ListResult list(String prefix, String startKey, long revision, long limit);

  /** Creates {@code key} if absent. */
  WriteResult create(String key, byte[] value);

  /** Replaces {@code key} if its last write was at {@code expectedModRevision}. */
  WriteResult update(String key, byte[] value, long expectedModRevision);

  /** Deletes {@code key} if its last write was at {@code expectedModRevision}. */
  WriteResult delete(String key, long expectedModRevision);

  /** The store's current revision: every write so far has a revision at or below it. */
  long currentRevision();

  /**
   * Streams every change under {@code prefix} after {@code afterRevision}, in order, to
   * {@code listener} until the returned handle is closed. Progress notifications (revision advanced
   * without a change under this prefix) arrive through {@link WatchListener#onProgress}.
   */
  WatchHandle watch(String prefix, long afterRevision, WatchListener listener);

  /** Asks every open watch to report its progress soon (etcd's RequestProgress). */
  void requestProgress();

  @Override
  void close();

  /** Receives a storage watch's changes. Called from one thread per watch, in order. */
  interface WatchListener {
    void onEvent(StorageEvent event);

    /** Everything up to {@code revision} has been delivered. */
    void onProgress(long revision);

    /** The watch ended for good (compaction, connection loss); the watcher must relist. */
    void onError(Throwable error);
  }

  /** An open storage watch. */
  interface WatchHandle extends AutoCloseable {
    @Override
    void close();
  }

  /** A read asked for a revision that etcd has compacted. */
  final class CompactedException extends RuntimeException {
    private final long compactRevision;

    public CompactedException(long compactRevision) {
      super("required revision has been compacted (compact revision " + compactRevision + ")");
      this.compactRevision = compactRevision;
    }

    public long compactRevision() {
      return compactRevision;
    }
  }
}
