package io.kube4j.apiserver.admission.plugins.noderestriction;

import io.fabric8.kubernetes.api.model.Node;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.Attributes.Operation;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a node may do to Node objects: only its own, without changing its taints or the labels
 * that steer workloads (node-restriction.kubernetes.io/ and unknown kubernetes.io / k8s.io labels).
 */
final class NodeObjectRules {

  /** The kubernetes.io labels a kubelet sets on itself ({@code kubeletapis.IsKubeletLabel}). */
  private static final Set<String> KUBELET_LABELS = Set.of("kubernetes.io/hostname", "kubernetes.io/arch",
      "kubernetes.io/os", "beta.kubernetes.io/arch", "beta.kubernetes.io/os", "beta.kubernetes.io/instance-type",
      "node.kubernetes.io/instance-type", "failure-domain.beta.kubernetes.io/region",
      "failure-domain.beta.kubernetes.io/zone", "topology.kubernetes.io/region", "topology.kubernetes.io/zone");
  private static final Set<String> KUBELET_LABEL_NAMESPACES = Set.of("kubelet.kubernetes.io", "node.kubernetes.io");

  private NodeObjectRules() {}

  static void admit(String nodeName, Attributes a) {
    String requested = a.operation() == Operation.CREATE && a.name().isEmpty()
        ? a.object().map(o -> o.getMetadata().getName()).orElse("") : a.name();
    if (!nodeName.equals(requested)) {
      throw NodeRestriction.forbidden(a, "node \"" + nodeName + "\" is not allowed to modify node \"" + requested + "\"");
    }
    if (a.operation() == Operation.CREATE) {
      Node node = (Node) a.object().orElseThrow();
      if (node.getSpec() != null && node.getSpec().getConfigSource() != null) {
        throw NodeRestriction.forbidden(a, "node \"" + nodeName
            + "\" is not allowed to create pods with a non-nil configSource");
      }
      Set<String> forbidden = forbiddenLabels(modified(labels(node), Map.of()));
      if (!forbidden.isEmpty()) {
        throw NodeRestriction.forbidden(a, "node \"" + nodeName + "\" is not allowed to set the following labels: "
            + String.join(", ", forbidden));
      }
    }
    if (a.operation() == Operation.UPDATE) {
      Node node = (Node) a.object().orElseThrow();
      Node old = (Node) a.oldObject().orElseThrow();
      if (node.getSpec() != null && node.getSpec().getConfigSource() != null
          && !Objects.equals(node.getSpec().getConfigSource(), old.getSpec() == null ? null
          : old.getSpec().getConfigSource())) {
        throw NodeRestriction.forbidden(a, "node \"" + nodeName
            + "\" is not allowed to update configSource to a new non-nil configSource");
      }
      if (!Objects.equals(taints(node), taints(old))) {
        throw NodeRestriction.forbidden(a, "node \"" + nodeName + "\" is not allowed to modify taints");
      }
      Set<String> forbidden = forbiddenLabels(modified(labels(node), labels(old)));
      if (!forbidden.isEmpty()) {
        throw NodeRestriction.forbidden(a, "is not allowed to modify labels: " + String.join(", ", forbidden));
      }
    }
  }

  private static Object taints(Node n) {
    return n.getSpec() == null || n.getSpec().getTaints() == null || n.getSpec().getTaints().isEmpty()
        ? java.util.List.of() : n.getSpec().getTaints();
  }

  private static Map<String, String> labels(Node n) {
    return n.getMetadata() == null || n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels();
  }

  /** Keys added, removed or changed between two label sets, sorted. */
  static Set<String> modified(Map<String, String> a, Map<String, String> b) {
    Set<String> out = new TreeSet<>();
    a.forEach((k, v) -> {
      if (!v.equals(b.get(k))) {
        out.add(k);
      }
    });
    b.forEach((k, v) -> {
      if (!v.equals(a.get(k))) {
        out.add(k);
      }
    });
    return out;
  }

  static Set<String> forbiddenLabels(Set<String> modified) {
    Set<String> out = new TreeSet<>();
    for (String label : modified) {
      String ns = label.contains("/") ? label.substring(0, label.indexOf('/')) : "";
      if (ns.equals("node-restriction.kubernetes.io") || ns.endsWith(".node-restriction.kubernetes.io")) {
        out.add(label);
      }
      boolean kubernetes = ns.equals("kubernetes.io") || ns.endsWith(".kubernetes.io") || ns.equals("k8s.io")
          || ns.endsWith(".k8s.io");
      if (kubernetes && !isKubeletLabel(label, ns)) {
        out.add(label);
      }
    }
    return out;
  }

  private static boolean isKubeletLabel(String label, String ns) {
    return KUBELET_LABELS.contains(label) || KUBELET_LABEL_NAMESPACES.contains(ns)
        || KUBELET_LABEL_NAMESPACES.stream().anyMatch(n -> ns.endsWith("." + n));
  }
}
