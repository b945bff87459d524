package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;

/** A fixed clock and timestamps relative to it, so every age in the tests is exact. */
final class Fixtures {

  static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

  private Fixtures() {}

  /** The RFC 3339 timestamp {@code d} before {@link #NOW}. */
  static String ago(Duration d) {
    return NOW.minus(d).toString();
  }

  static String minutesAgo(long m) {
    return ago(Duration.ofMinutes(m));
  }

  /** Metadata of an object created five minutes ago. */
  static ObjectMeta meta(String name) {
    return new ObjectMetaBuilder().withName(name).withNamespace("default").withCreationTimestamp(minutesAgo(5))
        .build();
  }
}
