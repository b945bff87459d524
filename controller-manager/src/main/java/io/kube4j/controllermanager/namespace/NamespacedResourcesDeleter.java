package io.kube4j.controllermanager.namespace;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Empties a terminating namespace ({@code namespacedResourcesDeleter}): discover, delete each
 * resource's collection, count what remains and which finalizers hold it, record that in the
 * namespace's conditions, and finalize the namespace when it is empty.
 */
final class NamespacedResourcesDeleter {

  static final String FINALIZER = "kubernetes";
  /** {@code finalizerEstimateSeconds}: how long upstream assumes another finalizer may take. */
  static final long FINALIZER_ESTIMATE_SECONDS = 15;

  /** Content is left: the controller looks again after {@code estimateSeconds}. */
  static final class ContentRemaining extends Exception {
    final long estimateSeconds;

    ContentRemaining(long estimateSeconds, String message) {
      super(message);
      this.estimateSeconds = estimateSeconds;
    }
  }

  /** One namespaced resource the server serves, at its preferred version. */
  record Gvr(String group, String version, String resource, String kind) {
    /** {@code resource.group} as upstream's conditions print it: {@code configmaps.}, {@code deployments.apps}. */
    String groupResource() {
      return resource + "." + group;
    }

    ResourceDefinitionContext context() {
      return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withPlural(resource)
          .withKind(kind).withNamespaced(true).build();
    }
  }

  private final KubernetesClient client;

  NamespacedResourcesDeleter(KubernetesClient client) {
    this.client = client;
  }

  /** Deletes the namespace's content and finalizes it; throws {@link ContentRemaining} while content is left. */
  void delete(String name) throws ContentRemaining {
    Namespace ns = client.namespaces().withName(name).get();
    if (ns == null || ns.getMetadata().getDeletionTimestamp() == null) {
      return;
    }
    if (ns.getSpec() == null || ns.getSpec().getFinalizers() == null
        || !ns.getSpec().getFinalizers().contains(FINALIZER)) {
      return;  // finalized already: the apiserver removes it once its metadata finalizers are gone
    }
    Progress progress = deleteAllContent(name);
    updateConditions(name, progress);
    if (progress.remaining().isEmpty() && progress.failures().isEmpty()) {
      finalizeNamespace(name);
      return;
    }
    throw new ContentRemaining(progress.estimateSeconds(), progress.remaining().isEmpty()
        ? "failed to delete: " + progress.failures() : "content remaining: " + progress.remaining());
  }

  /**
   * What a pass left: per resource the number of objects remaining, per finalizer the number of
   * objects it holds, the resources whose deletion failed, and when to look again.
   */
  record Progress(boolean discovered, Map<String, Integer> remaining, Map<String, Integer> finalizers,
      List<String> failures, long estimateSeconds) {}

  private Progress deleteAllContent(String namespace) {
    List<Gvr> resources;
    boolean discovered = true;
    try {
      resources = discover();
    } catch (KubernetesClientException e) {
      discovered = false;
      resources = List.of();
    }
    Map<String, Integer> remaining = new TreeMap<>();
    Map<String, Integer> finalizers = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long estimate = 0;
    for (Gvr gvr : resources) {
      var op = client.genericKubernetesResources(gvr.context()).inNamespace(namespace);
      try {
        op.delete();
        List<GenericKubernetesResource> left = op.list().getItems();
        if (!left.isEmpty()) {
          remaining.put(gvr.groupResource(), left.size());
          for (GenericKubernetesResource item : left) {
            estimate = Math.max(estimate, graceLeft(item).orElse(0));
            List<String> held = item.getMetadata().getFinalizers() == null ? List.of()
                : item.getMetadata().getFinalizers();
            held.forEach(f -> finalizers.merge(f, 1, Integer::sum));
            if (!held.isEmpty()) {
              estimate = Math.max(estimate, FINALIZER_ESTIMATE_SECONDS);
            }
          }
        }
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404 && e.getCode() != 405) {
          failures.add(gvr.groupResource() + ": " + e.getMessage());
        }
      }
    }
    return new Progress(discovered, remaining, finalizers, failures, estimate);
  }

  /** Every namespaced resource that can be listed and deleted, at each group's preferred version. */
  List<Gvr> discover() {
    List<Gvr> out = new ArrayList<>();
    addResources(out, "", "v1");
    for (APIGroup g : client.getApiGroups().getGroups()) {
      addResources(out, g.getName(), g.getPreferredVersion().getVersion());
    }
    return out;
  }

  private void addResources(List<Gvr> out, String group, String version) {
    var list = client.getApiResources(group.isEmpty() ? version : group + "/" + version);
    for (APIResource r : list.getResources()) {
      boolean deletable = r.getVerbs().contains("list") && r.getVerbs().contains("deletecollection");
      if (Boolean.TRUE.equals(r.getNamespaced()) && !r.getName().contains("/") && deletable) {
        out.add(new Gvr(group, version, r.getName(), r.getKind()));
      }
    }
  }

  /** Seconds until a gracefully deleted object (a pod) may be gone. */
  private static OptionalLong graceLeft(GenericKubernetesResource item) {
    Long grace = item.getMetadata().getDeletionGracePeriodSeconds();
    return grace == null ? OptionalLong.empty() : OptionalLong.of(grace);
  }

  private void updateConditions(String name, Progress p) {
    // an update (PUT), the verb the namespace controller's role allows on namespaces/status
    Namespace ns = client.namespaces().withName(name).get();
    if (ns == null) {
      return;
    }
    List<NamespaceCondition> conditions = NamespaceConditions.merge(ns.getStatus().getConditions(),
        NamespaceConditions.of(p));
    if (conditions.equals(ns.getStatus().getConditions())) {
      return;
    }
    ns.getStatus().setConditions(conditions);
    client.namespaces().resource(ns).subresource("status").update();
  }

  /** Removes {@code kubernetes} from {@code spec.finalizers}; the apiserver then removes the namespace. */
  private void finalizeNamespace(String name) {
    Namespace ns = client.namespaces().withName(name).get();
    if (ns == null) {
      return;
    }
    List<String> left = new ArrayList<>(ns.getSpec().getFinalizers());
    left.remove(FINALIZER);
    ns.getSpec().setFinalizers(left);
    client.namespaces().resource(ns).subresource("finalize").update();
  }
}
