package io.kube4j.apiserver.admission.plugins.webhook;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.kube4j.apiserver.admission.Attributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Whether a webhook wants a request: its rules, then its namespace and object selectors. */
final class WebhookMatch {

  private WebhookMatch() {}

  /** {@code rules.Matcher}: operation, group, version, resource (with subresource) and scope. */
  static boolean rules(List<RuleWithOperations> rules, Attributes a) {
    for (RuleWithOperations r : rules == null ? List.<RuleWithOperations>of() : rules) {
      if (any(r.getOperations(), a.operation().name()) && any(r.getApiGroups(), a.resource().group())
          && any(r.getApiVersions(), a.resource().version()) && resource(r.getResources(), a)
          && scope(r.getScope(), a)) {
        return true;
      }
    }
    return false;
  }

  private static boolean resource(List<String> resources, Attributes a) {
    String res = a.resource().resource();
    String sub = a.subresource();
    for (String r : resources == null ? List.<String>of() : resources) {
      String[] parts = r.split("/", 2);
      String rr = parts[0];
      String rs = parts.length == 2 ? parts[1] : "";
      if ((rr.equals("*") || rr.equals(res)) && (rs.equals("*") || rs.equals(sub))) {
        return true;
      }
    }
    return false;
  }

  private static boolean scope(String scope, Attributes a) {
    return scope == null || scope.equals("*") || scope.equals(a.resource().namespaced() ? "Namespaced" : "Cluster");
  }

  private static boolean any(List<String> values, String wanted) {
    return values != null && (values.contains("*") || values.contains(wanted));
  }

  /**
   * The namespace selector sees the namespace's labels (a namespace itself: its own labels); a
   * cluster-scoped object always matches. The object selector sees the new or the old object.
   */
  static boolean selectors(LabelSelector namespaceSelector, LabelSelector objectSelector, Attributes a,
      Function<String, Optional<Namespace>> namespaces) {
    Map<String, String> nsLabels = null;
    if (a.resource().resource().equals("namespaces") && a.resource().group().isEmpty()) {
      nsLabels = a.object().or(a::oldObject).map(WebhookMatch::labels).orElse(Map.of());
    } else if (a.resource().namespaced()) {
      nsLabels = namespaces.apply(a.namespace()).map(WebhookMatch::labels).orElse(Map.of());
    }
    if (nsLabels != null && !selects(namespaceSelector, nsLabels)) {
      return false;
    }
    return selects(objectSelector, a.object().map(WebhookMatch::labels).orElse(Map.of()))
        || a.oldObject().map(o -> selects(objectSelector, labels(o))).orElse(false);
  }

  private static boolean selects(LabelSelector s, Map<String, String> labels) {
    return s == null || io.kube4j.apiserver.labels.LabelSelector.fromLabelSelector(s).matches(labels);
  }

  private static Map<String, String> labels(HasMetadata o) {
    return o.getMetadata() == null || o.getMetadata().getLabels() == null ? Map.of() : o.getMetadata().getLabels();
  }
}
