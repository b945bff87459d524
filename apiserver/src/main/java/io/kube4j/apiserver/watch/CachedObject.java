package io.kube4j.apiserver.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.function.Function;

/**
 * One object as the cache holds it: its JSON with {@code resourceVersion} set, which every watcher
 * and every list shares, and the decoded object with its labels and selectable fields. An object
 * that came from etcd is decoded only when something first needs it (a selector, a GET, a
 * handler): most changes reach watchers as bytes and are never decoded at all.
 * Immutable: neither the object nor the maps may be modified (copy first).
 */
public final class CachedObject {

  /**
   * The decoded form.
   *
   * @param object the decoded object; read-only
   * @param labels the object's labels, for label selectors
   * @param fields the object's selectable fields ({@code metadata.name}, ...), for field selectors
   */
  public record Decoded(HasMetadata object, Map<String, String> labels, Map<String, String> fields) {}

  private final String key;
  private final long resourceVersion;
  private final byte[] json;
  private final Function<byte[], Decoded> decoder;
  // Decoding twice in a race yields equal objects, so a plain volatile is enough.
  private volatile Decoded decoded;

  /**
   * An object already decoded.
   *
   * @param key the etcd key
   * @param resourceVersion the etcd revision of the object's last write
   * @param json the object's JSON with {@code metadata.resourceVersion} set
   */
  public CachedObject(String key, long resourceVersion, HasMetadata object, byte[] json, Map<String, String> labels,
      Map<String, String> fields) {
    this.key = key;
    this.resourceVersion = resourceVersion;
    this.json = json;
    this.decoder = null;
    this.decoded = new Decoded(object, labels, fields);
  }

  private CachedObject(String key, long resourceVersion, byte[] json, Function<byte[], Decoded> decoder) {
    this.key = key;
    this.resourceVersion = resourceVersion;
    this.json = json;
    this.decoder = decoder;
  }

  /** An object known by its JSON, decoded by {@code decoder} the first time it is needed. */
  public static CachedObject lazy(String key, long resourceVersion, byte[] json, Function<byte[], Decoded> decoder) {
    return new CachedObject(key, resourceVersion, json, decoder);
  }

  public String key() {
    return key;
  }

  public long resourceVersion() {
    return resourceVersion;
  }

  public byte[] json() {
    return json;
  }

  public HasMetadata object() {
    return decoded().object();
  }

  public Map<String, String> labels() {
    return decoded().labels();
  }

  public Map<String, String> fields() {
    return decoded().fields();
  }

  /** The object as the model type the caller knows it to be; read-only: copy before changing it. */
  public <T> T objectAs(Class<T> type) {
    return type.cast(object());
  }

  private Decoded decoded() {
    Decoded d = decoded;
    if (d == null) {
      d = decoder.apply(json);
      decoded = d;
    }
    return d;
  }
}
