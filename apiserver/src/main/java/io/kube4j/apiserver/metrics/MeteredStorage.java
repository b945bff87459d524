package io.kube4j.apiserver.metrics;

import io.kube4j.apiserver.storage.KeyValue;
import io.kube4j.apiserver.storage.ListResult;
import io.kube4j.apiserver.storage.Storage;
import io.kube4j.apiserver.storage.WriteResult;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link Storage} that records each call's latency as {@code etcd_request_duration_seconds}, by
 * operation and by the resource its key belongs to ({@code /registry/<resource>/...}).
 */
public final class MeteredStorage implements Storage {

  private final Storage delegate;
  private final ApiServerMetrics metrics;

  public MeteredStorage(Storage delegate, ApiServerMetrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  private <T> T timed(String operation, String key, Supplier<T> call) {
    long start = System.nanoTime();
    try {
      return call.get();
    } finally {
      metrics.etcdRequest(operation, typeOf(key), (System.nanoTime() - start) / 1e9);
    }
  }

  /** {@code /registry/configmaps/ns/name} → {@code configmaps}. */
  static String typeOf(String key) {
    String[] parts = key.split("/");
    return parts.length > 2 ? parts[2] : "";
  }

  @Override
  public Optional<KeyValue> get(String key) {
    return timed("get", key, () -> delegate.get(key));
  }

  @Override
  public ListResult list(String prefix, String startKey, long revision, long limit) {
    return timed("list", prefix, () -> delegate.list(prefix, startKey, revision, limit));
  }

  @Override
  public WriteResult create(String key, byte[] value) {
    return timed("create", key, () -> delegate.create(key, value));
  }

  @Override
  public WriteResult update(String key, byte[] value, long expectedModRevision) {
    return timed("update", key, () -> delegate.update(key, value, expectedModRevision));
  }

  @Override
  public WriteResult delete(String key, long expectedModRevision) {
    return timed("delete", key, () -> delegate.delete(key, expectedModRevision));
  }

  @Override
  public long currentRevision() {
    return timed("getRevision", "/registry/", delegate::currentRevision);
  }

  @Override
  public WatchHandle watch(String prefix, long afterRevision, WatchListener listener) {
    return delegate.watch(prefix, afterRevision, listener);
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
