package io.kube4j.apiserver.authorization;

import io.fabric8.kubernetes.api.model.authorization.v1.NonResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.kube4j.apiserver.authn.UserInfo;
import java.util.List;

/**
 * Lists what a user may do in a namespace ({@code authorizer.RuleResolver} upstream), for
 * SelfSubjectRulesReview ({@code kubectl auth can-i --list}).
 */
public interface RuleResolver {

  /**
   * @param incomplete whether some authorizer could not list its rules, so more may be allowed
   * @param evaluationError why, or {@code ""}
   */
  record Rules(List<ResourceRule> resourceRules, List<NonResourceRule> nonResourceRules, boolean incomplete,
      String evaluationError) {}

  Rules rulesFor(UserInfo user, String namespace);
}
