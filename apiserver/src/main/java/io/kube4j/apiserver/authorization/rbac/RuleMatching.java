package io.kube4j.apiserver.authorization.rbac;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.kube4j.apiserver.authorization.AuthorizationAttributes;
import java.util.List;

/** Whether one policy rule allows a request ({@code RuleAllows} and its helpers upstream). */
public final class RuleMatching {

  private RuleMatching() {}

  public static boolean allows(AuthorizationAttributes a, PolicyRule rule) {
    if (!verbMatches(rule, a.verb())) {
      return false;
    }
    if (!a.resourceRequest()) {
      return nonResourceUrlMatches(rule, a.path());
    }
    String combined = a.subresource().isEmpty() ? a.resource() : a.resource() + "/" + a.subresource();
    return apiGroupMatches(rule, a.apiGroup()) && resourceMatches(rule, combined, a.subresource())
        && resourceNameMatches(rule, a.name());
  }

  static boolean verbMatches(PolicyRule rule, String verb) {
    return anyEquals(rule.getVerbs(), verb);
  }

  static boolean apiGroupMatches(PolicyRule rule, String group) {
    return anyEquals(rule.getApiGroups(), group);
  }

  /** {@code pods/status} matches {@code pods/status}, {@code *} and {@code * /status} (no space). */
  static boolean resourceMatches(PolicyRule rule, String combined, String subresource) {
    for (String r : orEmpty(rule.getResources())) {
      if (r.equals("*") || r.equals(combined)) {
        return true;
      }
      if (!subresource.isEmpty() && r.length() == subresource.length() + 2 && r.startsWith("*/")
          && r.endsWith(subresource)) {
        return true;
      }
    }
    return false;
  }

  /** A rule naming objects matches only requests for one of those names (never a create or list). */
  static boolean resourceNameMatches(PolicyRule rule, String name) {
    List<String> names = orEmpty(rule.getResourceNames());
    return names.isEmpty() || names.contains(name);
  }

  /** {@code /healthz} matches {@code /healthz}, {@code *} and prefixes ending in {@code *}. */
  static boolean nonResourceUrlMatches(PolicyRule rule, String path) {
    for (String u : orEmpty(rule.getNonResourceURLs())) {
      if (u.equals("*") || u.equals(path)) {
        return true;
      }
      if (u.endsWith("*") && path.startsWith(u.substring(0, u.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyEquals(List<String> values, String wanted) {
    for (String v : orEmpty(values)) {
      if (v.equals("*") || v.equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }
}
