package io.kube4j.controllermanager.job;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicy;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyOnExitCodesRequirement;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyOnPodConditionsPattern;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code matchPodFailurePolicy}: the first rule of {@code spec.podFailurePolicy} that a failed pod
 * matches decides what its failure means: {@code FailJob} fails the whole Job at once,
 * {@code Ignore} does not count it towards {@code backoffLimit} (e.g. a {@code DisruptionTarget}
 * condition: the pod was evicted, not broken), {@code Count} counts it as usual, {@code FailIndex}
 * fails its index (with {@code backoffLimitPerIndex}). No rule matching means {@code Count}.
 */
final class PodFailurePolicies {

  static final String FAIL_JOB = "FailJob";
  static final String IGNORE = "Ignore";
  static final String COUNT = "Count";
  static final String FAIL_INDEX = "FailIndex";

  /**
   * @param failJobMessage present when a {@code FailJob} rule matched: the Job's failure message
   * @param countFailed whether the failure counts towards the backoff limits
   * @param action the matched rule's action; empty when none matched
   */
  record Match(Optional<String> failJobMessage, boolean countFailed, Optional<String> action) {
    static final Match NONE = new Match(Optional.empty(), true, Optional.empty());
  }

  private PodFailurePolicies() {}

  static Match match(PodFailurePolicy policy, Pod failed) {
    if (policy == null || policy.getRules() == null) {
      return Match.NONE;
    }
    List<PodFailurePolicyRule> rules = policy.getRules();
    for (int index = 0; index < rules.size(); index++) {
      PodFailurePolicyRule rule = rules.get(index);
      String action = rule.getAction();
      int at = index;
      if (rule.getOnExitCodes() != null) {
        Optional<ContainerStatus> container = matchOnExitCodes(failed, rule.getOnExitCodes());
        if (container.isPresent()) {
          Optional<Match> m = decide(action, () -> String.format(
              "Container %s for pod %s/%s failed with exit code %d matching %s rule at index %d",
              container.get().getName(), failed.getMetadata().getNamespace(), failed.getMetadata().getName(),
              container.get().getState().getTerminated().getExitCode(), action, at));
          if (m.isPresent()) {
            return m.get();
          }
        }
      } else if (rule.getOnPodConditions() != null && !rule.getOnPodConditions().isEmpty()) {
        Optional<PodCondition> condition = matchOnPodConditions(failed, rule.getOnPodConditions());
        if (condition.isPresent()) {
          Optional<Match> m = decide(action, () -> String.format("Pod %s/%s has condition %s matching %s rule at index %d",
              failed.getMetadata().getNamespace(), failed.getMetadata().getName(), condition.get().getType(), action, at));
          if (m.isPresent()) {
            return m.get();
          }
        }
      }
    }
    return Match.NONE;
  }

  private static Optional<Match> decide(String action, Supplier<String> failJobMessage) {
    return switch (action) {
      case IGNORE -> Optional.of(new Match(Optional.empty(), false, Optional.of(IGNORE)));
      case FAIL_INDEX -> Optional.of(new Match(Optional.empty(), true, Optional.of(FAIL_INDEX)));
      case COUNT -> Optional.of(new Match(Optional.empty(), true, Optional.of(COUNT)));
      case FAIL_JOB -> Optional.of(new Match(Optional.of(failJobMessage.get()), true, Optional.of(FAIL_JOB)));
      default -> Optional.empty();
    };
  }

  /** The first terminated container, then init container, with a non-zero exit code the requirement matches. */
  static Optional<ContainerStatus> matchOnExitCodes(Pod pod, PodFailurePolicyOnExitCodesRequirement req) {
    if (pod.getStatus() == null) {
      return Optional.empty();
    }
    List<ContainerStatus> all = new ArrayList<>();
    if (pod.getStatus().getContainerStatuses() != null) {
      all.addAll(pod.getStatus().getContainerStatuses());
    }
    if (pod.getStatus().getInitContainerStatuses() != null) {
      all.addAll(pod.getStatus().getInitContainerStatuses());
    }
    for (ContainerStatus s : all) {
      if (s.getState() == null || s.getState().getTerminated() == null) {
        continue; // still terminating: no exit code to match yet
      }
      int code = s.getState().getTerminated().getExitCode() == null ? 0 : s.getState().getTerminated().getExitCode();
      if ((req.getContainerName() == null || req.getContainerName().equals(s.getName())) && code != 0
          && operatorMatches(code, req)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private static boolean operatorMatches(int code, PodFailurePolicyOnExitCodesRequirement req) {
    List<Integer> values = req.getValues() == null ? List.of() : req.getValues();
    return switch (req.getOperator() == null ? "" : req.getOperator()) {
      case "In" -> values.contains(code);
      case "NotIn" -> !values.contains(code);
      default -> false;
    };
  }

  /** The first pod condition whose type and status a pattern names. */
  static Optional<PodCondition> matchOnPodConditions(Pod pod, List<PodFailurePolicyOnPodConditionsPattern> patterns) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    for (PodCondition c : pod.getStatus().getConditions()) {
      for (PodFailurePolicyOnPodConditionsPattern p : patterns) {
        String status = p.getStatus() == null ? "True" : p.getStatus();
        if (c.getType().equals(p.getType()) && status.equals(c.getStatus())) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }
}
