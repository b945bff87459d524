package io.kube4j.scheduler.framework;

import java.util.Optional;
import java.util.Set;

/**
 * A PreFilter's answer: its status and, optionally, the only nodes worth filtering (upstream's
 * {@code PreFilterResult.NodeNames}; e.g. NodeAffinity with a {@code metadata.name} field selector).
 */
public record PreFilterResult(Status status, Optional<Set<String>> nodeNames) {

  public static PreFilterResult of(Status status) {
    return new PreFilterResult(status, Optional.empty());
  }

  public static PreFilterResult success() {
    return of(Status.success());
  }
}
