package io.kube4j.scheduler.plugins.podtopologyspread;

import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import java.util.List;

/**
 * The plugin's arguments (upstream's {@code PodTopologySpreadArgs}): the constraints applied to a pod
 * that has none of its own, and whether they are the built-in "System" ones or a "List" of the
 * operator's. The System defaults (zone skew 5, hostname skew 3, both ScheduleAnyway) only score.
 */
public record PodTopologySpreadArgs(List<TopologySpreadConstraint> defaultConstraints, String defaultingType) {

  public static final String SYSTEM_DEFAULTING = "System";
  public static final String LIST_DEFAULTING = "List";

  /** Upstream's {@code systemDefaultConstraints}. */
  public static final List<TopologySpreadConstraint> SYSTEM_DEFAULT_CONSTRAINTS = List.of(
      new TopologySpreadConstraintBuilder().withTopologyKey("topology.kubernetes.io/zone").withMaxSkew(5)
          .withWhenUnsatisfiable("ScheduleAnyway").build(),
      new TopologySpreadConstraintBuilder().withTopologyKey("kubernetes.io/hostname").withMaxSkew(3)
          .withWhenUnsatisfiable("ScheduleAnyway").build());

  public static final PodTopologySpreadArgs DEFAULT = new PodTopologySpreadArgs(List.of(), SYSTEM_DEFAULTING);

  public PodTopologySpreadArgs {
    defaultConstraints = List.copyOf(defaultConstraints);
  }

  boolean systemDefaulted() {
    return SYSTEM_DEFAULTING.equals(defaultingType);
  }

  List<TopologySpreadConstraint> effectiveDefaults() {
    return systemDefaulted() ? SYSTEM_DEFAULT_CONSTRAINTS : defaultConstraints;
  }
}
