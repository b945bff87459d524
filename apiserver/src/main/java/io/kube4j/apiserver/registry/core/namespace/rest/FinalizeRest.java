package io.kube4j.apiserver.registry.core.namespace.rest;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceSpec;
import io.kube4j.apiserver.registry.generic.Store;
import io.kube4j.apiserver.registry.generic.UpdateTarget;

/**
 * {@code PUT namespaces/<name>/finalize}: only {@code spec.finalizers} changes; when it empties on a
 * terminating namespace without metadata finalizers, the store completes the deletion.
 */
public final class FinalizeRest {

  private final Store<Namespace> namespaces;

  public FinalizeRest(Store<Namespace> namespaces) {
    this.namespaces = namespaces;
  }

  public Namespace finalize(String name, Namespace requested, boolean dryRun) {
    return namespaces.update("", name, current -> {
      if (requested.getMetadata() != null && requested.getMetadata().getResourceVersion() != null) {
        current.getMetadata().setResourceVersion(requested.getMetadata().getResourceVersion());
      } else {
        current.getMetadata().setResourceVersion(null);
      }
      NamespaceSpec spec = current.getSpec() == null ? new NamespaceSpec() : current.getSpec();
      spec.setFinalizers(requested.getSpec() == null ? null : requested.getSpec().getFinalizers());
      current.setSpec(spec);
      return current;
    }, UpdateTarget.PREPARED, dryRun);
  }
}
