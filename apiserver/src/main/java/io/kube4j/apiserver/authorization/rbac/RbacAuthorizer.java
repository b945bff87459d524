package io.kube4j.apiserver.authorization.rbac;

import io.fabric8.kubernetes.api.model.authorization.v1.NonResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.NonResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.kube4j.apiserver.authn.UserInfo;
import io.kube4j.apiserver.authorization.AuthorizationAttributes;
import io.kube4j.apiserver.authorization.AuthorizationResult;
import io.kube4j.apiserver.authorization.Authorizer;
import io.kube4j.apiserver.authorization.RuleResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --authorization-mode=RBAC} ({@code RBACAuthorizer} upstream): walks the rules the user's
 * bindings grant — cluster role bindings first, then role bindings of the request's namespace — and
 * allows at the first rule that matches, naming the binding that allowed it.
 */
public final class RbacAuthorizer implements Authorizer, RuleResolver {

  private final PolicySource policy;

  public RbacAuthorizer(PolicySource policy) {
    this.policy = policy;
  }

  /** Receives each rule a user holds; returns false to stop the walk. */
  interface RuleVisitor {
    boolean visit(String source, PolicyRule rule);
  }

  @Override
  public AuthorizationResult authorize(AuthorizationAttributes a) {
    String[] allowedBy = {null};
    List<String> errors = visitRulesFor(a.user(), a.namespace(), (source, rule) -> {
      if (RuleMatching.allows(a, rule)) {
        allowedBy[0] = source;
        return false;
      }
      return true;
    });
    if (allowedBy[0] != null) {
      return AuthorizationResult.allow("RBAC: allowed by " + allowedBy[0]);
    }
    return new AuthorizationResult(io.kube4j.apiserver.authorization.Decision.NO_OPINION,
        errors.isEmpty() ? "" : "RBAC: " + aggregate(errors));
  }

  @Override
  public Rules rulesFor(UserInfo user, String namespace) {
    List<ResourceRule> resources = new ArrayList<>();
    List<NonResourceRule> nonResources = new ArrayList<>();
    List<String> errors = visitRulesFor(user, namespace, (source, rule) -> {
      if (!RuleMatching.orEmpty(rule.getNonResourceURLs()).isEmpty()) {
        nonResources.add(new NonResourceRuleBuilder().withVerbs(rule.getVerbs())
            .withNonResourceURLs(rule.getNonResourceURLs()).build());
      } else {
        resources.add(new ResourceRuleBuilder().withVerbs(rule.getVerbs()).withApiGroups(rule.getApiGroups())
            .withResources(rule.getResources()).withResourceNames(rule.getResourceNames()).build());
      }
      return true;
    });
    return new Rules(resources, nonResources, !errors.isEmpty(), errors.isEmpty() ? "" : aggregate(errors));
  }

  /** {@code VisitRulesFor}: returns the errors met (bindings to roles that do not exist). */
  List<String> visitRulesFor(UserInfo user, String namespace, RuleVisitor visitor) {
    List<String> errors = new ArrayList<>();
    for (ClusterRoleBinding b : policy.clusterRoleBindings()) {
      Optional<Subject> s = appliesTo(user, b.getSubjects(), "");
      if (s.isEmpty()) {
        continue;
      }
      String source = "ClusterRoleBinding \"" + b.getMetadata().getName() + "\" of " + describe(b.getRoleRef())
          + " to " + describe(s.get(), "");
      if (!visitRole(b.getRoleRef(), "", source, visitor, errors)) {
        return errors;
      }
    }
    if (!namespace.isEmpty()) {
      for (RoleBinding b : policy.roleBindings(namespace)) {
        Optional<Subject> s = appliesTo(user, b.getSubjects(), namespace);
        if (s.isEmpty()) {
          continue;
        }
        String source = "RoleBinding \"" + b.getMetadata().getName() + "/" + namespace + "\" of "
            + describe(b.getRoleRef()) + " to " + describe(s.get(), namespace);
        if (!visitRole(b.getRoleRef(), namespace, source, visitor, errors)) {
          return errors;
        }
      }
    }
    return errors;
  }

  private boolean visitRole(RoleRef ref, String namespace, String source, RuleVisitor visitor, List<String> errors) {
    Optional<List<PolicyRule>> rules = rules(ref, namespace);
    if (rules.isEmpty()) {
      String what = ref.getKind().equals("Role") ? "roles" : "clusterroles";
      errors.add(what + ".rbac.authorization.k8s.io \"" + ref.getName() + "\" not found");
      return true;
    }
    for (PolicyRule r : rules.get()) {
      if (!visitor.visit(source, r)) {
        return false;
      }
    }
    return true;
  }

  /** The rules a binding's roleRef names ({@code GetRoleReferenceRules}). */
  public Optional<List<PolicyRule>> rules(RoleRef ref, String namespace) {
    if ("Role".equals(ref.getKind())) {
      return policy.role(namespace, ref.getName()).map(r -> RuleMatching.orEmpty(r.getRules()));
    }
    return policy.clusterRole(ref.getName()).map(r -> RuleMatching.orEmpty(r.getRules()));
  }

  /** The first subject that names this user ({@code appliesTo}). */
  static Optional<Subject> appliesTo(UserInfo user, List<Subject> subjects, String bindingNamespace) {
    for (Subject s : RuleMatching.orEmpty(subjects)) {
      if (appliesTo(user, s, bindingNamespace)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private static boolean appliesTo(UserInfo user, Subject s, String bindingNamespace) {
    return switch (String.valueOf(s.getKind())) {
      case "User" -> user.name().equals(s.getName());
      case "Group" -> user.groups().contains(s.getName());
      case "ServiceAccount" -> {
        String ns = s.getNamespace() == null || s.getNamespace().isEmpty() ? bindingNamespace : s.getNamespace();
        yield !ns.isEmpty() && user.name().equals("system:serviceaccount:" + ns + ":" + s.getName());
      }
      default -> false;
    };
  }

  private static String describe(RoleRef ref) {
    return ref.getKind() + " \"" + ref.getName() + "\"";
  }

  private static String describe(Subject s, String bindingNamespace) {
    if ("ServiceAccount".equals(s.getKind())) {
      String ns = s.getNamespace() == null || s.getNamespace().isEmpty() ? bindingNamespace : s.getNamespace();
      return s.getKind() + " \"" + s.getName() + "/" + ns + "\"";
    }
    return s.getKind() + " \"" + s.getName() + "\"";
  }

  /** {@code utilerrors.NewAggregate(...).Error()}: one error plain, several in brackets. */
  private static String aggregate(List<String> errors) {
    return errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]";
  }
}
