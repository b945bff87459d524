package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Cell formatting shared by the printers, after the helpers at the bottom of upstream's
 * {@code printers.go} and the label/selector/quantity {@code String()} methods they call.
 *
 * <p>Fabric8 models leave absent fields {@code null} where Go has zero values; the small
 * {@code orEmpty}/{@code orZero} helpers restore Go's zero-value reading so printers can follow the Go
 * code line by line.
 */
final class Formats {

  static final String NONE = "<none>";
  static final String UNSET = "<unset>";
  static final String UNKNOWN = "<unknown>";

  private Formats() {}

  // ---- Go zero values -------------------------------------------------------------------------

  static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  static long orZero(Integer i) {
    return i == null ? 0 : i;
  }

  static long orZero(Long l) {
    return l == null ? 0 : l;
  }

  static boolean isTrue(Boolean b) {
    return b != null && b;
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }

  // ---- time -----------------------------------------------------------------------------------

  /**
   * Parses an RFC 3339 timestamp as Fabric8 carries it ({@code metav1.Time}/{@code MicroTime});
   * empty for Go's zero time (absent or empty).
   */
  static Optional<Instant> parseTime(String rfc3339) {
    if (rfc3339 == null || rfc3339.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(rfc3339).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static Optional<Instant> parseTime(MicroTime t) {
    return t == null ? Optional.empty() : parseTime(t.getTime());
  }

  /** {@code translateTimestampSince}: the age of a timestamp, {@code <unknown>} when unset. */
  static String since(Optional<Instant> timestamp, Instant now) {
    return timestamp.map(t -> HumanDuration.format(Duration.between(t, now))).orElse(UNKNOWN);
  }

  static String since(String timestamp, Instant now) {
    return since(parseTime(timestamp), now);
  }

  /** The AGE cell: {@code translateTimestampSince(obj.CreationTimestamp)}. */
  static String age(HasMetadata obj, Instant now) {
    return since(obj.getMetadata() == null ? null : obj.getMetadata().getCreationTimestamp(), now);
  }

  static String name(HasMetadata obj) {
    return obj.getMetadata() == null ? "" : orEmpty(obj.getMetadata().getName());
  }

  static boolean isDeleting(HasMetadata obj) {
    return obj.getMetadata() != null && obj.getMetadata().getDeletionTimestamp() != null;
  }

  // ---- containers -----------------------------------------------------------------------------

  /** {@code layoutContainerCells}: container names joined by commas. */
  static String containerNames(List<Container> containers) {
    return orEmpty(containers).stream().map(c -> orEmpty(c.getName())).collect(Collectors.joining(","));
  }

  /** {@code layoutContainerCells}: images joined by commas, in container order. */
  static String containerImages(List<Container> containers) {
    return orEmpty(containers).stream().map(c -> orEmpty(c.getImage())).collect(Collectors.joining(","));
  }

  /** The containers of a pod template, none when the template or its spec is absent. */
  static List<Container> templateContainers(PodTemplateSpec template) {
    if (template == null || template.getSpec() == null) {
      return List.of();
    }
    return orEmpty(template.getSpec().getContainers());
  }

  /**
   * {@code spec.replicas} of a workload as upstream reads it: objects are decoded with defaulting, which
   * turns an unset {@code replicas} into 1 for Deployments, ReplicaSets, ReplicationControllers and
   * StatefulSets.
   */
  static long replicas(Integer specReplicas) {
    return specReplicas == null ? 1 : specReplicas;
  }

  // ---- labels and selectors -------------------------------------------------------------------

  /** {@code labels.FormatLabels}: {@code a=1,b=2} sorted by key, {@code <none>} when empty. */
  static String formatLabels(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return NONE;
    }
    return new TreeMap<>(labels).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  /** {@code metav1.FormatLabelSelector}: the selector string, {@code <none>} when it selects everything or nothing. */
  static String formatLabelSelector(LabelSelector selector) {
    Optional<String> s = selectorString(selector);
    if (s.isEmpty()) {
      return "<error>";
    }
    return s.get().isEmpty() ? NONE : s.get();
  }

  /**
   * {@code LabelSelectorAsSelector(sel).String()}: requirements sorted by key, {@code k=v},
   * {@code k in (a,b)}, {@code k notin (a,b)}, {@code k}, {@code !k}; values sorted. Empty for a nil or
   * empty selector; empty {@link Optional} when the selector is invalid (an unknown operator, or a
   * value list that does not fit the operator).
   */
  static Optional<String> selectorString(LabelSelector selector) {
    if (selector == null) {
      return Optional.of("");
    }
    TreeMap<String, List<String>> byKey = new TreeMap<>();
    orEmpty(selector.getMatchLabels())
        .forEach((k, v) -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(k + "=" + v));
    for (LabelSelectorRequirement r : orEmpty(selector.getMatchExpressions())) {
      List<String> values = orEmpty(r.getValues()).stream().sorted().toList();
      String key = orEmpty(r.getKey());
      String text;
      switch (orEmpty(r.getOperator())) {
        case "In", "NotIn" -> {
          if (values.isEmpty()) {
            return Optional.empty();
          }
          String op = r.getOperator().equals("In") ? " in " : " notin ";
          text = key + op + "(" + String.join(",", values) + ")";
        }
        case "Exists", "DoesNotExist" -> {
          if (!values.isEmpty()) {
            return Optional.empty();
          }
          text = r.getOperator().equals("Exists") ? key : "!" + key;
        }
        default -> {
          return Optional.empty();
        }
      }
      byKey.computeIfAbsent(key, x -> new ArrayList<>()).add(text);
    }
    return Optional.of(byKey.values().stream().flatMap(List::stream).collect(Collectors.joining(",")));
  }

  // ---- values ---------------------------------------------------------------------------------

  /**
   * {@code resource.Quantity.String()}; {@code 0} for an absent quantity, as Go's zero value prints.
   * Fabric8 keeps the text as written, which is what Go prints for canonical input ({@code 10Gi},
   * {@code 500m}); non-canonical input such as {@code 1024Mi} Go would print as {@code 1Gi}.
   */
  static String quantity(Quantity q) {
    if (q == null || q.getAmount() == null || q.getAmount().isEmpty()) {
      return "0";
    }
    return q.getAmount() + orEmpty(q.getFormat());
  }

  /** {@code intstr.IntOrString.String()}. */
  static String intOrString(IntOrString v) {
    if (v.getIntVal() != null) {
      return Integer.toString(v.getIntVal());
    }
    return orEmpty(v.getStrVal());
  }

  /** {@code printBoolPtr}: {@code True}, {@code False} or {@code <unset>}. */
  static String boolPtr(Boolean b) {
    if (b == null) {
      return UNSET;
    }
    return b ? "True" : "False";
  }

  /** {@code helper.GetAccessModesAsString}: {@code RWO,ROX,RWX,RWOP} in that fixed order. */
  static String accessModes(Collection<String> modes) {
    Set<String> present = new LinkedHashSet<>(modes == null ? List.of() : modes);
    List<String> out = new ArrayList<>();
    if (present.contains("ReadWriteOnce")) {
      out.add("RWO");
    }
    if (present.contains("ReadOnlyMany")) {
      out.add("ROX");
    }
    if (present.contains("ReadWriteMany")) {
      out.add("RWX");
    }
    if (present.contains("ReadWriteOncePod")) {
      out.add("RWOP");
    }
    return String.join(",", out);
  }

  /**
   * {@code listWithMoreString}: the first {@code max} entries, then {@code + N more...};
   * {@code <unset>} when there are none.
   */
  static String listWithMore(List<String> all, int max) {
    if (all.size() > max) {
      return String.join(",", all.subList(0, max)) + " + " + (all.size() - max) + " more...";
    }
    return all.isEmpty() ? UNSET : String.join(",", all);
  }

  /** {@code net.JoinHostPort}: IPv6 addresses are bracketed. */
  static String joinHostPort(String host, long port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
