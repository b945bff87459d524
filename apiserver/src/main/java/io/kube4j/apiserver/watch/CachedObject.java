package io.kube4j.apiserver.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/**
 * One object as the cache holds it: decoded once when its change arrives from etcd, encoded once
 * (with {@code resourceVersion} set) so every watcher and every list shares the same bytes.
 * Immutable: neither the object nor the maps may be modified (copy first).
 *
 * @param key the etcd key
 * @param resourceVersion the etcd revision of the object's last write
 * @param object the decoded object; read-only
 * @param json the object's JSON with {@code metadata.resourceVersion} set
 * @param labels the object's labels, for label selectors
 * @param fields the object's selectable fields ({@code metadata.name}, ...), for field selectors
 */
public record CachedObject(
    String key,
    long resourceVersion,
    HasMetadata object,
    byte[] json,
    Map<String, String> labels,
    Map<String, String> fields) {

  /** The object as the model type the caller knows it to be; read-only: copy before changing it. */
  public <T> T objectAs(Class<T> type) {
    return type.cast(object);
  }
}
