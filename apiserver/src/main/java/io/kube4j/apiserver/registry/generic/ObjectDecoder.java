package io.kube4j.apiserver.registry.generic;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kube4j.apiserver.runtime.Codec;
import io.kube4j.apiserver.runtime.ResourceVersionSplice;
import io.kube4j.apiserver.storage.KeyValue;
import io.kube4j.apiserver.watch.CachedObject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns stored bytes into the cached form of one resource's objects: decoded, stamped with
 * {@code resourceVersion} (the etcd mod revision), re-encoded once, with labels and selectable
 * fields extracted for selectors.
 */
public final class ObjectDecoder<T extends HasMetadata> {

  private final String prefix;
  private final Class<T> type;
  private final Codec codec;
  private final Function<T, Map<String, String>> selectableFields;

  public ObjectDecoder(String prefix, Class<T> type, Codec codec, Function<T, Map<String, String>> selectableFields) {
    this.prefix = prefix;
    this.type = type;
    this.codec = codec;
    this.selectableFields = selectableFields;
  }

  /** The resource's etcd prefix, ending in {@code /}. */
  public String prefix() {
    return prefix;
  }

  /**
   * The cached form of a stored value. Values this apiserver wrote carry no resourceVersion: it is
   * stamped into the bytes and decoding waits until something needs the object. Anything else is
   * decoded now and re-encoded with the revision.
   */
  public CachedObject decode(KeyValue kv) {
    return ResourceVersionSplice.stampIfAbsent(kv.value(), kv.modRevision())
        .map(json -> CachedObject.lazy(kv.key(), kv.modRevision(), json, this::decoded))
        .orElseGet(() -> decodeNow(kv));
  }

  private CachedObject decodeNow(KeyValue kv) {
    T obj = codec.decode(kv.value(), type);
    obj.getMetadata().setResourceVersion(Long.toString(kv.modRevision()));
    byte[] json = codec.encode(obj);
    CachedObject.Decoded d = describe(obj);
    return new CachedObject(kv.key(), kv.modRevision(), obj, json, d.labels(), d.fields());
  }

  private CachedObject.Decoded decoded(byte[] json) {
    return describe(codec.decode(json, type));
  }

  /** The object with its labels and selectable fields, for selectors. */
  private CachedObject.Decoded describe(T obj) {
    Map<String, String> fields = new HashMap<>(selectableFields.apply(obj));
    fields.put("metadata.name", obj.getMetadata().getName());
    String ns = obj.getMetadata().getNamespace();
    fields.put("metadata.namespace", ns == null ? "" : ns);
    Map<String, String> labels = obj.getMetadata().getLabels() == null ? Map.of() : obj.getMetadata().getLabels();
    return new CachedObject.Decoded(obj, labels, fields);
  }
}
