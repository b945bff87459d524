package io.kube4j.scheduler.corev1;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Taints against tolerations, as {@code v1.Toleration.ToleratesTaint} and {@code FindMatchingUntoleratedTaint}. */
public final class Tolerations {

  private Tolerations() {}

  /**
   * A toleration tolerates a taint when the effects match (an empty effect matches all), the keys match
   * (an empty key with {@code Exists} matches every key), and either the operator is {@code Exists} or
   * ({@code Equal}, the default) the values are equal.
   */
  public static boolean tolerates(Toleration t, Taint taint) {
    if (t.getEffect() != null && !t.getEffect().isEmpty() && !t.getEffect().equals(taint.getEffect())) {
      return false;
    }
    String key = t.getKey() == null ? "" : t.getKey();
    if (!key.isEmpty() && !key.equals(taint.getKey())) {
      return false;
    }
    String op = t.getOperator() == null || t.getOperator().isEmpty() ? "Equal" : t.getOperator();
    return switch (op) {
      case "Exists" -> true;
      case "Equal" -> !key.isEmpty() && nz(t.getValue()).equals(nz(taint.getValue()));
      default -> false;
    };
  }

  public static boolean tolerate(List<Toleration> tolerations, Taint taint) {
    return tolerations != null && tolerations.stream().anyMatch(t -> tolerates(t, taint));
  }

  /** The first taint passing {@code filter} that no toleration tolerates. */
  public static Optional<Taint> findMatchingUntoleratedTaint(List<Taint> taints, List<Toleration> tolerations,
      Predicate<Taint> filter) {
    if (taints == null) {
      return Optional.empty();
    }
    return taints.stream().filter(filter).filter(taint -> !tolerate(tolerations, taint)).findFirst();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
