package io.kube4j.controllermanager.tainteviction;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Whether a pod's tolerations tolerate taints, and for how long ({@code v1helper}, {@code getMinTolerationTime}). */
final class Tolerations {

  /** What the pod's tolerations say about a node's NoExecute taints. */
  sealed interface Verdict {
    /** Some taint is not tolerated: evict now. */
    record Intolerant(String taint) implements Verdict {}

    /** Every taint is tolerated, for at most this long. */
    record For(Duration time) implements Verdict {}

    /** Every taint is tolerated without limit. */
    record Forever() implements Verdict {}
  }

  private Tolerations() {}

  static Verdict judge(List<Toleration> tolerations, List<Taint> noExecuteTaints) {
    Optional<Duration> shortest = Optional.empty();
    for (Taint taint : noExecuteTaints) {
      List<Toleration> matching = tolerations.stream().filter(t -> tolerates(t, taint)).toList();
      if (matching.isEmpty()) {
        return new Verdict.Intolerant(taint.getKey() + ":" + taint.getEffect());
      }
      for (Toleration t : matching) {
        if (t.getTolerationSeconds() != null) {
          Duration d = Duration.ofSeconds(Math.max(0, t.getTolerationSeconds()));
          shortest = Optional.of(shortest.map(s -> s.compareTo(d) <= 0 ? s : d).orElse(d));
        }
      }
    }
    return shortest.<Verdict>map(Verdict.For::new).orElseGet(Verdict.Forever::new);
  }

  /** {@code Toleration.ToleratesTaint}: effect (empty tolerates all), key (empty with Exists tolerates all), value. */
  static boolean tolerates(Toleration t, Taint taint) {
    if (t.getEffect() != null && !t.getEffect().isEmpty() && !t.getEffect().equals(taint.getEffect())) {
      return false;
    }
    boolean anyKey = t.getKey() == null || t.getKey().isEmpty();
    if (!anyKey && !t.getKey().equals(taint.getKey())) {
      return false;
    }
    String operator = t.getOperator() == null || t.getOperator().isEmpty() ? "Equal" : t.getOperator();
    return switch (operator) {
      case "Exists" -> true;
      case "Equal" -> !anyKey && nz(t.getValue()).equals(nz(taint.getValue()));
      default -> false;
    };
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
