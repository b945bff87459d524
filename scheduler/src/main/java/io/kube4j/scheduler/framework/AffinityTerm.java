package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.componentbase.labels.LabelSelectors;
import java.util.Map;
import java.util.Set;

/**
 * A {@code PodAffinityTerm} made ready to match pods (upstream's {@code framework.AffinityTerm}): a pod
 * matches when it is in one of {@code namespaces} or in a namespace {@code namespaceSelector} selects,
 * and its labels match {@code selector}. A term with neither namespaces nor namespaceSelector means
 * the owning pod's own namespace; a null selector selects nothing, an empty one everything.
 */
public record AffinityTerm(Set<String> namespaces, LabelSelector selector, String topologyKey,
    LabelSelector namespaceSelector) {

  public AffinityTerm {
    namespaces = Set.copyOf(namespaces);
  }

  static AffinityTerm of(Pod owner, io.fabric8.kubernetes.api.model.PodAffinityTerm t) {
    Set<String> ns = t.getNamespaces() == null ? Set.of() : Set.copyOf(t.getNamespaces());
    if (ns.isEmpty() && t.getNamespaceSelector() == null) {
      ns = Set.of(owner.getMetadata().getNamespace());
    }
    return new AffinityTerm(ns, t.getLabelSelector(), t.getTopologyKey(), t.getNamespaceSelector());
  }

  /** @param nsLabels the labels of {@code pod}'s namespace (empty when the selector was already resolved) */
  public boolean matches(Pod pod, Map<String, String> nsLabels) {
    if (namespaces.contains(pod.getMetadata().getNamespace())
        || (namespaceSelector != null && LabelSelectors.matches(namespaceSelector, nsLabels))) {
      return LabelSelectors.matches(selector, pod.getMetadata().getLabels());
    }
    return false;
  }

  /** The term with its namespaceSelector replaced by the namespaces it selects now. */
  public AffinityTerm withNamespaces(Set<String> resolved) {
    return new AffinityTerm(resolved, selector, topologyKey, null);
  }

  /** A preferred term and its weight (1-100). */
  public record Weighted(AffinityTerm term, int weight) {}
}
