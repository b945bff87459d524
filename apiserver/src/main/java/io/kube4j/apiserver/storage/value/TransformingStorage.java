package io.kube4j.apiserver.storage.value;

import io.kube4j.apiserver.storage.KeyValue;
import io.kube4j.apiserver.storage.ListResult;
import io.kube4j.apiserver.storage.Storage;
import io.kube4j.apiserver.storage.StorageEvent;
import io.kube4j.apiserver.storage.WriteResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage that encrypts the values under some key prefixes ({@code /registry/secrets/}) on the way
 * to etcd and decrypts them on the way back, for reads, lists and watch events alike: everything
 * above (the watch cache, the registry) sees plaintext; etcd never does.
 */
public final class TransformingStorage implements Storage {

  private final Storage delegate;
  private final Map<String, Transformer> byPrefix;

  /**
   * @param byPrefix transformers by etcd key prefix, e.g. {@code /registry/secrets/}
   */
  public TransformingStorage(Storage delegate, Map<String, Transformer> byPrefix) {
    this.delegate = delegate;
    this.byPrefix = Map.copyOf(byPrefix);
  }

  private Optional<Transformer> transformer(String key) {
    for (Map.Entry<String, Transformer> e : byPrefix.entrySet()) {
      if (key.startsWith(e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  private byte[] out(String key, byte[] value) {
    return transformer(key).map(t -> t.toStorage(value, key)).orElse(value);
  }

  private KeyValue in(KeyValue kv) {
    Optional<Transformer> t = transformer(kv.key());
    if (t.isEmpty() || kv.value().length == 0) {
      return kv;
    }
    return new KeyValue(kv.key(), t.get().fromStorage(kv.value(), kv.key()), kv.modRevision(), kv.createRevision());
  }

  private WriteResult in(WriteResult r) {
    if (r instanceof WriteResult.AlreadyExists a) {
      return new WriteResult.AlreadyExists(in(a.current()));
    }
    if (r instanceof WriteResult.Conflict c) {
      return new WriteResult.Conflict(in(c.current()));
    }
    return r;
  }

  @Override
  public Optional<KeyValue> get(String key) {
    return delegate.get(key).map(this::in);
  }

  @Override
  public ListResult list(String prefix, String startKey, long revision, long limit) {
    ListResult r = delegate.list(prefix, startKey, revision, limit);
    List<KeyValue> items = r.items().stream().map(this::in).toList();
    return new ListResult(items, r.revision(), r.more(), r.remaining());
  }

  @Override
  public WriteResult create(String key, byte[] value) {
    return in(delegate.create(key, out(key, value)));
  }

  @Override
  public WriteResult update(String key, byte[] value, long expectedModRevision) {
    return in(delegate.update(key, out(key, value), expectedModRevision));
  }

  @Override
  public WriteResult delete(String key, long expectedModRevision) {
    return in(delegate.delete(key, expectedModRevision));
  }

  @Override
  public long currentRevision() {
    return delegate.currentRevision();
  }

  @Override
  public WatchHandle watch(String prefix, long afterRevision, WatchListener listener) {
    return delegate.watch(prefix, afterRevision, new WatchListener() {
      @Override
      public void onEvent(StorageEvent event) {
        listener.onEvent(new StorageEvent(event.type(), in(event.current())));
      }

      @Override
      public void onProgress(long revision) {
        listener.onProgress(revision);
      }

      @Override
      public void onError(Throwable error) {
        listener.onError(error);
      }
    });
  }

  @Override
  public void requestProgress() {
    delegate.requestProgress();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
