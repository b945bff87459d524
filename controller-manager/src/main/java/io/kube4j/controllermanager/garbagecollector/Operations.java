package io.kube4j.controllermanager.garbagecollector;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the collector does to objects through the API ({@code operations.go} upstream): look one up
 * by the identity the graph has for it, delete it with preconditions, patch its ownerReferences,
 * remove one of its finalizers.
 */
final class Operations {

  private static final Logger LOG = LoggerFactory.getLogger(Operations.class);
  /** Conflicts removing a finalizer are retried at once this many times, then left to the queue's backoff. */
  static final int FINALIZER_UPDATE_RETRIES = 4;

  private final RestMapper mapper;
  private final MetadataClient metadata;

  Operations(RestMapper mapper, MetadataClient metadata) {
    this.mapper = mapper;
    this.metadata = metadata;
  }

  /** @throws RestMapper.RestMappingException when the server does not serve {@code kind} at {@code apiVersion} */
  RestMapper.Mapping apiResource(String apiVersion, String kind) {
    return mapper.map(apiVersion, kind);
  }

  /**
   * Where to look for an object: a namespaced object with no namespace (a virtual owner named by a
   * cluster-scoped dependent) is looked for in {@code default}, as upstream does.
   */
  static String resourceDefaultNamespace(boolean namespaced, String namespace) {
    return namespaced && namespace.isEmpty() ? "default" : namespace;
  }

  /** The live object, or empty when there is none by that name. It may be a namesake: compare uids. */
  Optional<ObjectMetadata> getObject(ObjectReference item) {
    RestMapper.Mapping m = apiResource(item.apiVersion(), item.kind());
    return metadata.get(m, resourceDefaultNamespace(m.namespaced(), item.namespace()), item.name());
  }

  /**
   * Deletes {@code item} if it is still the object at {@code resourceVersion}, with {@code policy}. If
   * it changed meanwhile but not in its ownerReferences, the decision still holds: deleted at its new
   * version. Otherwise the conflict goes back to the caller, to decide again.
   *
   * @throws KubernetesClientException 404 when already gone
   */
  void deleteObject(ObjectReference item, String resourceVersion, List<OwnerReference> ownersAtResourceVersion,
      String policy) {
    RestMapper.Mapping m = apiResource(item.apiVersion(), item.kind());
    String ns = resourceDefaultNamespace(m.namespaced(), item.namespace());
    try {
      metadata.delete(m, ns, item.name(), item.uid(), resourceVersion, policy);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409 || resourceVersion == null) {
        throw e;
      }
      Optional<ObjectMetadata> live = metadata.get(m, ns, item.name());
      if (live.isEmpty()) {
        return;
      }
      ObjectMetadata l = live.get();
      if (!l.uid().equals(item.uid()) || l.resourceVersion().equals(resourceVersion)
          || !l.ownerReferences().equals(ownersAtResourceVersion)) {
        throw e;
      }
      metadata.delete(m, ns, item.name(), item.uid(), l.resourceVersion(), policy);
    }
  }

  /**
   * Patches {@code item} with a strategic merge patch, or, where the resource has none (415), with
   * the JSON merge patch {@code jsonMerge} computes from the live object.
   */
  ObjectMetadata patch(Node item, String strategicMerge, Function<ObjectMetadata, String> jsonMerge) {
    ObjectReference id = item.identity();
    RestMapper.Mapping m = apiResource(id.apiVersion(), id.kind());
    String ns = resourceDefaultNamespace(m.namespaced(), id.namespace());
    try {
      return metadata.patch(m, ns, id.name(), PatchType.STRATEGIC_MERGE, strategicMerge);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 415) {
        throw e;
      }
    }
    ObjectMetadata latest = metadata.get(m, ns, id.name()).filter(o -> o.uid().equals(item.uid()))
        .orElseThrow(() -> new KubernetesClientException(id + " is gone", 404, null));
    return metadata.patch(m, ns, id.name(), PatchType.JSON_MERGE, jsonMerge.apply(latest));
  }

  /**
   * Removes {@code finalizer} from {@code owner} ({@code removeFinalizer}); once it has no finalizers
   * left, the apiserver completes its deletion. Done when the owner is gone already.
   */
  void removeFinalizer(Node owner, String finalizer) {
    ObjectReference id = owner.identity();
    RestMapper.Mapping m = apiResource(id.apiVersion(), id.kind());
    String ns = resourceDefaultNamespace(m.namespaced(), id.namespace());
    for (int attempt = 0; ; attempt++) {
      Optional<ObjectMetadata> latest = metadata.get(m, ns, id.name()).filter(o -> o.uid().equals(owner.uid()));
      if (latest.isEmpty() || !latest.get().hasFinalizer(finalizer)) {
        return;
      }
      List<String> left = new ArrayList<>(latest.get().finalizers());
      left.remove(finalizer);
      try {
        metadata.patch(m, ns, id.name(), PatchType.JSON_MERGE,
            Patches.finalizers(latest.get().resourceVersion(), left));
        LOG.debug("removed the {} finalizer of {}", finalizer, id);
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          return;
        }
        if (e.getCode() != 409 || attempt + 1 >= FINALIZER_UPDATE_RETRIES) {
          throw e;
        }
      }
    }
  }
}
