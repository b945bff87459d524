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

  public CachedObject decode(KeyValue kv) {
    T obj = codec.decode(kv.value(), type);
    // stored objects carry no resourceVersion; stamping it into the bytes saves a full re-encode
    boolean clean = obj.getMetadata().getResourceVersion() == null;
    obj.getMetadata().setResourceVersion(Long.toString(kv.modRevision()));
    Map<String, String> fields = new HashMap<>(selectableFields.apply(obj));
    fields.put("metadata.name", obj.getMetadata().getName());
    String ns = obj.getMetadata().getNamespace();
    fields.put("metadata.namespace", ns == null ? "" : ns);
    Map<String, String> labels = obj.getMetadata().getLabels() == null ? Map.of() : obj.getMetadata().getLabels();
    byte[] json = clean ? ResourceVersionSplice.stamp(kv.value(), kv.modRevision()) : codec.encode(obj);
    return new CachedObject(kv.key(), kv.modRevision(), obj, json, labels, fields);
  }
}
