package io.kube4j.componentbase.poddisruptionbudget;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatus;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code DisruptionAllowed} condition follows {@code status.disruptionsAllowed}: True with reason
 * {@code SufficientPods} while at least one disruption is allowed, False with {@code InsufficientPods}
 * otherwise ({@code UpdateDisruptionAllowedCondition}). Its {@code lastTransitionTime} moves only
 * when the status flips, as {@code meta.SetStatusCondition} does.
 */
public final class DisruptionAllowedCondition {

  public static final String TYPE = "DisruptionAllowed";
  public static final String SUFFICIENT_PODS = "SufficientPods";
  public static final String INSUFFICIENT_PODS = "InsufficientPods";
  /** Set by the disruption controller when it cannot compute the budget (e.g. no scale for the owner). */
  public static final String SYNC_FAILED = "SyncFailed";

  private DisruptionAllowedCondition() {}

  /** Sets the condition from {@code disruptionsAllowed}. */
  public static void update(PodDisruptionBudgetStatus status, Clock clock) {
    boolean allowed = status.getDisruptionsAllowed() != null && status.getDisruptionsAllowed() > 0;
    set(status, allowed ? "True" : "False", allowed ? SUFFICIENT_PODS : INSUFFICIENT_PODS, "", clock);
  }

  /** {@code ConditionsAreUpToDate}: whether {@link #update} would change nothing. */
  public static boolean isUpToDate(PodDisruptionBudgetStatus status) {
    boolean allowed = status.getDisruptionsAllowed() != null && status.getDisruptionsAllowed() > 0;
    return find(status).filter(c -> c.getStatus().equals(allowed ? "True" : "False")
        && c.getReason().equals(allowed ? SUFFICIENT_PODS : INSUFFICIENT_PODS)).isPresent();
  }

  /** {@code meta.SetStatusCondition} for this condition type. */
  public static void set(PodDisruptionBudgetStatus status, String value, String reason, String message, Clock clock) {
    List<Condition> conditions = new ArrayList<>(status.getConditions() == null ? List.of() : status.getConditions());
    Condition existing = find(status).orElse(null);
    String transition = existing != null && existing.getStatus().equals(value) ? existing.getLastTransitionTime()
        : DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    conditions.removeIf(c -> TYPE.equals(c.getType()));
    conditions.add(new ConditionBuilder().withType(TYPE).withStatus(value).withReason(reason).withMessage(message)
        .withObservedGeneration(status.getObservedGeneration()).withLastTransitionTime(transition).build());
    status.setConditions(conditions);
  }

  private static java.util.Optional<Condition> find(PodDisruptionBudgetStatus status) {
    return status.getConditions() == null ? java.util.Optional.empty()
        : status.getConditions().stream().filter(c -> TYPE.equals(c.getType()) && Objects.nonNull(c.getStatus())
            && Objects.nonNull(c.getReason())).findFirst();
  }
}
