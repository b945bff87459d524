package io.kube4j.controllermanager.namespace;

import io.fabric8.kubernetes.api.model.NamespaceCondition;
import io.fabric8.kubernetes.api.model.NamespaceConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The conditions a terminating namespace reports ({@code namespace/deletion/status_condition_utils.go}),
 * each True when something is wrong, with upstream's reasons and messages.
 */
final class NamespaceConditions {

  static final String DISCOVERY_FAILURE = "NamespaceDeletionDiscoveryFailure";
  static final String GROUP_VERSION_PARSING_FAILURE = "NamespaceDeletionGroupVersionParsingFailure";
  static final String CONTENT_FAILURE = "NamespaceDeletionContentFailure";
  static final String CONTENT_REMAINING = "NamespaceContentRemaining";
  static final String FINALIZERS_REMAINING = "NamespaceFinalizersRemaining";

  private NamespaceConditions() {}

  static List<NamespaceCondition> of(NamespacedResourcesDeleter.Progress p) {
    List<NamespaceCondition> out = new ArrayList<>();
    out.add(p.discovered() ? condition(DISCOVERY_FAILURE, "False", "ResourcesDiscovered",
        "All resources successfully discovered")
        : condition(DISCOVERY_FAILURE, "True", "DiscoveryFailed", "Discovery failed for some groups"));
    out.add(condition(GROUP_VERSION_PARSING_FAILURE, "False", "ParsedGroupVersions",
        "All legacy kube types successfully parsed"));
    out.add(p.failures().isEmpty()
        ? condition(CONTENT_FAILURE, "False", "ContentDeleted",
            "All content successfully deleted, may be waiting on finalization")
        : condition(CONTENT_FAILURE, "True", "ContentDeletionFailed",
            "Failed to delete all resource types, " + p.failures().size() + " remaining: "
                + String.join(", ", p.failures())));
    out.add(p.remaining().isEmpty()
        ? condition(CONTENT_REMAINING, "False", "ContentRemoved", "All content successfully removed")
        : condition(CONTENT_REMAINING, "True", "SomeResourcesRemain", "Some resources are remaining: "
            + counts(p.remaining(), "has %d resource instances")));
    out.add(p.finalizers().isEmpty()
        ? condition(FINALIZERS_REMAINING, "False", "ContentHasNoFinalizers",
            "All content-preserving finalizers finished")
        : condition(FINALIZERS_REMAINING, "True", "SomeFinalizersRemain",
            "Some content in the namespace has finalizers remaining: "
                + counts(p.finalizers(), "in %d resource instances")));
    return out;
  }

  /**
   * {@code configmaps. has 1 resource instances, pods. has 2 resource instances} (upstream prints
   * {@code resource.group}, so core resources end in a dot), sorted.
   */
  private static String counts(Map<String, Integer> counts, String format) {
    return counts.entrySet().stream().map(e -> e.getKey() + " " + String.format(format, e.getValue())).sorted()
        .collect(Collectors.joining(", "));
  }

  /** The new conditions replace those of the same type; a transition time stays while the status does. */
  static List<NamespaceCondition> merge(List<NamespaceCondition> current, List<NamespaceCondition> next) {
    List<NamespaceCondition> out = new ArrayList<>();
    for (NamespaceCondition n : next) {
      NamespaceCondition old = current == null ? null : current.stream()
          .filter(c -> Objects.equals(c.getType(), n.getType())).findFirst().orElse(null);
      if (old != null && Objects.equals(old.getStatus(), n.getStatus())) {
        n.setLastTransitionTime(old.getLastTransitionTime());
      }
      out.add(n);
    }
    return out;
  }

  private static NamespaceCondition condition(String type, String status, String reason, String message) {
    return new NamespaceConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastTransitionTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).build();
  }
}
