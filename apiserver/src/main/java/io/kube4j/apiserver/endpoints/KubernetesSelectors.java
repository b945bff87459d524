package io.kube4j.apiserver.endpoints;

import io.kube4j.apiserver.fields.FieldLabelConversion;
import io.kube4j.apiserver.fields.FieldSelector;
import io.kube4j.apiserver.labels.LabelSelector;
import io.kube4j.apiserver.watch.SelectionPredicate;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@link Selectors} with Kubernetes' own grammars: set-based label selectors and field selectors
 * restricted to the fields the resource supports (400 with upstream's words otherwise).
 */
public final class KubernetesSelectors implements Selectors {

  private static final Set<String> METADATA_ONLY = Set.of("metadata.name", "metadata.namespace");

  @Override
  public Predicate<Map<String, String>> labels(String selector) {
    LabelSelector s = LabelSelector.parse(selector);
    return s.isEmpty() ? SelectionPredicate.ANY : s::matches;
  }

  @Override
  public Predicate<Map<String, String>> fields(String selector, Set<String> supported, String resource) {
    FieldSelector s = FieldSelector.parse(selector);
    if (s.isEmpty()) {
      return SelectionPredicate.ANY;
    }
    if (!supported.isEmpty()) {
      s = s.transform(supported.equals(METADATA_ONLY) ? FieldLabelConversion.metadataOnly()
          : FieldLabelConversion.supporting(supported));
    }
    return s::matches;
  }
}
