package io.kube4j.controllermanager.garbagecollector;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A monitor's cache that keeps only {@link ObjectMetadata} per object (what upstream's metadata-only
 * informers keep), so that watching every Secret and ConfigMap does not hold their data. The informer
 * gets back a {@link GenericKubernetesResource} rebuilt from it, enough to tell updates from
 * non-changes (resourceVersion) and to report deletions (uid).
 */
final class MetadataOnlyStore implements ItemStore<GenericKubernetesResource> {

  private final String apiVersion;
  private final String kind;
  private final Map<String, ObjectMetadata> items = new ConcurrentHashMap<>();

  MetadataOnlyStore(String apiVersion, String kind) {
    this.apiVersion = apiVersion;
    this.kind = kind;
  }

  @Override
  public String getKey(GenericKubernetesResource obj) {
    return Cache.metaNamespaceKeyFunc(obj);
  }

  @Override
  public GenericKubernetesResource put(String key, GenericKubernetesResource obj) {
    return rebuild(items.put(key, ObjectMetadata.of(obj)));
  }

  @Override
  public GenericKubernetesResource remove(String key) {
    return rebuild(items.remove(key));
  }

  @Override
  public Stream<String> keySet() {
    return items.keySet().stream();
  }

  @Override
  public Stream<GenericKubernetesResource> values() {
    return items.values().stream().map(this::rebuild);
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public GenericKubernetesResource get(String key) {
    return rebuild(items.get(key));
  }

  /** The metadata kept for {@code key} ({@code namespace/name}, or {@code name}). */
  Optional<ObjectMetadata> metadata(String key) {
    return Optional.ofNullable(items.get(key));
  }

  private GenericKubernetesResource rebuild(ObjectMetadata meta) {
    return meta == null ? null : meta.toResource(apiVersion, kind);
  }
}
