package io.kube4j.controllermanager.job;

import io.fabric8.kubernetes.api.model.batch.v1.SuccessPolicy;
import io.fabric8.kubernetes.api.model.batch.v1.SuccessPolicyRule;
import java.util.List;
import java.util.Optional;

/**
 * {@code matchSuccessPolicy}: an Indexed Job may declare success before every index has succeeded,
 * when some given indexes did ({@code succeededIndexes}), or enough of them
 * ({@code succeededCount}). Returns the condition message, e.g. "Matched rules at index 0".
 */
final class SuccessPolicies {

  static final String REASON_SUCCESS_POLICY = "SuccessPolicy";

  private SuccessPolicies() {}

  static Optional<String> match(SuccessPolicy policy, int completions, OrderedIntervals succeeded) {
    if (policy == null || policy.getRules() == null || succeeded.total() == 0) {
      return Optional.empty();
    }
    List<SuccessPolicyRule> rules = policy.getRules();
    for (int index = 0; index < rules.size(); index++) {
      SuccessPolicyRule rule = rules.get(index);
      if (rule.getSucceededIndexes() != null) {
        OrderedIntervals required = OrderedIntervals.parse(rule.getSucceededIndexes(), completions);
        if (required.total() == 0) {
          continue;
        }
        if (matchesIndexesRule(required, succeeded, rule.getSucceededCount())) {
          return Optional.of("Matched rules at index " + index);
        }
      } else if (rule.getSucceededCount() != null && succeeded.total() >= rule.getSucceededCount()) {
        return Optional.of("Matched rules at index " + index);
      }
    }
    return Optional.empty();
  }

  /**
   * {@code matchSucceededIndexesRule}: counts the succeeded indexes inside the rule's, walking both
   * interval lists once; all of them, or {@code succeededCount} of them, satisfy the rule.
   */
  static boolean matchesIndexesRule(OrderedIntervals rule, OrderedIntervals succeeded, Integer succeededCount) {
    List<OrderedIntervals.Interval> r = rule.intervals();
    List<OrderedIntervals.Interval> s = succeeded.intervals();
    int contains = 0;
    int si = 0;
    int ri = 0;
    while (ri < r.size() && si < s.size()) {
      int overlap = Math.min(r.get(ri).last(), s.get(si).last()) - Math.max(r.get(ri).first(), s.get(si).first()) + 1;
      if (overlap > 0) {
        contains += overlap;
      }
      if (s.get(si).last() < r.get(ri).last()) {
        si++;
      } else if (s.get(si).last() > r.get(ri).last()) {
        ri++;
      } else {
        si++;
        ri++;
      }
    }
    return contains == rule.total() || (succeededCount != null && contains >= succeededCount);
  }
}
