package io.kube4j.apiserver.registry.rbac;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authorization.v1.NonResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.ValidatingAdmission;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.authn.UserInfo;
import io.kube4j.apiserver.authorization.AuthorizationAttributes;
import io.kube4j.apiserver.authorization.Authorizer;
import io.kube4j.apiserver.authorization.RuleResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Privilege-escalation prevention for RBAC writes ({@code pkg/registry/rbac/*\/policybased}): a
 * user may create or change a role only with every permission it grants, or with the
 * {@code escalate} verb on it; may bind a role only holding its permissions, or with the
 * {@code bind} verb on it. {@code system:masters} may do both. Runs where validating admission
 * runs, so a refused write stores nothing.
 */
public final class EscalationCheck implements ValidatingAdmission {

  private static final String GROUP = "rbac.authorization.k8s.io";

  private final Authorizer authorizer;
  private final List<RuleResolver> resolvers;
  private final BiFunction<RoleRef, String, Optional<List<PolicyRule>>> roleRules;

  /**
   * @param roleRules the rules a binding's roleRef names, in a namespace
   */
  public EscalationCheck(Authorizer authorizer, List<RuleResolver> resolvers,
      BiFunction<RoleRef, String, Optional<List<PolicyRule>>> roleRules) {
    this.authorizer = authorizer;
    this.resolvers = resolvers;
    this.roleRules = roleRules;
  }

  @Override
  public String name() {
    return "RBACEscalationCheck";
  }

  @Override
  public boolean handles(Attributes.Operation operation) {
    return operation == Attributes.Operation.CREATE || operation == Attributes.Operation.UPDATE;
  }

  @Override
  public void validate(Attributes a) {
    if (!a.resource().group().equals(GROUP) || a.object().isEmpty() || a.user().isEmpty()
        || a.user().get().groups().contains("system:masters")) {
      return;
    }
    UserInfo user = a.user().get();
    HasMetadata obj = a.object().get();
    String ns = a.namespace();
    String name = obj.getMetadata().getName();
    List<PolicyRule> granted;
    if (obj instanceof Role role) {
      if (allowed(user, "escalate", "roles", ns, name)) {
        return;
      }
      granted = orEmpty(role.getRules());
    } else if (obj instanceof ClusterRole role) {
      if (allowed(user, "escalate", "clusterroles", "", name)) {
        return;
      }
      if (role.getAggregationRule() != null) {
        // an aggregated role will hold anything: only who holds everything may make one
        if (!missing(user, List.of(everything(), everyPath()), "").isEmpty()) {
          throw StatusException.forbidden(a.resource().groupResource(), name,
              "must have cluster-admin privileges to use the aggregationRule");
        }
        return;
      }
      granted = orEmpty(role.getRules());
    } else if (obj instanceof RoleBinding b) {
      if (bindAllowed(user, b.getRoleRef(), ns)) {
        return;
      }
      granted = roleRules.apply(b.getRoleRef(), ns).orElse(List.of());
    } else if (obj instanceof ClusterRoleBinding b) {
      if (bindAllowed(user, b.getRoleRef(), "")) {
        return;
      }
      granted = roleRules.apply(b.getRoleRef(), "").orElse(List.of());
    } else {
      return;
    }
    List<PolicyRule> missing = missing(user, granted, obj instanceof ClusterRole || obj instanceof ClusterRoleBinding
        ? "" : ns);
    if (!missing.isEmpty()) {
      throw StatusException.forbidden(a.resource().groupResource(), name, "user \"" + user.name() + "\" (groups="
          + goQuoted(user.groups()) + ") is attempting to grant RBAC permissions not currently held:\n"
          + missing.stream().map(EscalationCheck::compactString).collect(Collectors.joining("\n")));
    }
  }

  private boolean bindAllowed(UserInfo user, RoleRef ref, String ns) {
    String resource = "ClusterRole".equals(ref.getKind()) ? "clusterroles" : "roles";
    return allowed(user, "bind", resource, "ClusterRole".equals(ref.getKind()) ? "" : ns, ref.getName())
        || "ClusterRole".equals(ref.getKind()) && allowed(user, "bind", resource, ns, ref.getName());
  }

  private boolean allowed(UserInfo user, String verb, String resource, String ns, String name) {
    return authorizer.authorize(AuthorizationAttributes.resource(user, verb, ns, GROUP, "", resource, "", name))
        .allowed();
  }

  /** The granted permissions the user does not hold, compacted and sorted ({@code ConfirmNoEscalation}). */
  private List<PolicyRule> missing(UserInfo user, List<PolicyRule> granted, String ns) {
    List<PolicyRule> held = new ArrayList<>();
    for (RuleResolver r : resolvers) {
      RuleResolver.Rules rules = r.rulesFor(user, ns);
      for (ResourceRule rr : rules.resourceRules()) {
        held.add(new PolicyRuleBuilder().withVerbs(rr.getVerbs()).withApiGroups(rr.getApiGroups())
            .withResources(rr.getResources()).withResourceNames(rr.getResourceNames()).build());
      }
      for (NonResourceRule nr : rules.nonResourceRules()) {
        held.add(new PolicyRuleBuilder().withVerbs(nr.getVerbs()).withNonResourceURLs(nr.getNonResourceURLs()).build());
      }
    }
    // atomic permissions not covered, grouped back by what they apply to
    Map<String, PolicyRule> byTarget = new TreeMap<>();
    for (PolicyRule g : granted) {
      for (PolicyRule atom : atoms(g)) {
        if (held.stream().noneMatch(h -> covers(h, atom))) {
          String target = atom.getApiGroups() + "|" + atom.getResources() + "|" + atom.getResourceNames() + "|"
              + atom.getNonResourceURLs();
          PolicyRule merged = byTarget.computeIfAbsent(target, t -> new PolicyRuleBuilder(atom).withVerbs().build());
          if (!merged.getVerbs().contains(atom.getVerbs().get(0))) {
            merged.getVerbs().add(atom.getVerbs().get(0));
          }
        }
      }
    }
    return byTarget.values().stream().sorted(java.util.Comparator.comparing(EscalationCheck::compactString)).toList();
  }

  /** One permission per verb, group, resource and name ({@code BreakdownRule}). */
  private static List<PolicyRule> atoms(PolicyRule r) {
    List<PolicyRule> out = new ArrayList<>();
    for (String verb : orEmpty(r.getVerbs())) {
      for (String group : orEmpty(r.getApiGroups())) {
        for (String resource : orEmpty(r.getResources())) {
          if (orEmpty(r.getResourceNames()).isEmpty()) {
            out.add(rule(List.of(group), List.of(resource), List.of(), List.of(), verb));
          }
          for (String name : orEmpty(r.getResourceNames())) {
            out.add(rule(List.of(group), List.of(resource), List.of(name), List.of(), verb));
          }
        }
      }
      for (String url : orEmpty(r.getNonResourceURLs())) {
        out.add(rule(List.of(), List.of(), List.of(), List.of(url), verb));
      }
    }
    return out;
  }

  /** Whether a held rule covers one atomic permission ({@code ruleCovers}). */
  static boolean covers(PolicyRule owner, PolicyRule atom) {
    String verb = atom.getVerbs().get(0);
    if (!orEmpty(owner.getVerbs()).contains("*") && !owner.getVerbs().contains(verb)) {
      return false;
    }
    if (!orEmpty(atom.getNonResourceURLs()).isEmpty()) {
      String url = atom.getNonResourceURLs().get(0);
      return orEmpty(owner.getNonResourceURLs()).stream().anyMatch(o -> o.equals("*") || o.equals(url)
          || o.endsWith("*") && url.startsWith(o.substring(0, o.length() - 1)));
    }
    String group = atom.getApiGroups().get(0);
    String resource = atom.getResources().get(0);
    boolean groupOk = orEmpty(owner.getApiGroups()).contains("*") || orEmpty(owner.getApiGroups()).contains(group);
    boolean resourceOk = orEmpty(owner.getResources()).stream().anyMatch(o -> o.equals("*") || o.equals(resource)
        || o.startsWith("*/") && resource.endsWith(o.substring(1)));
    List<String> ownerNames = orEmpty(owner.getResourceNames());
    boolean nameOk = ownerNames.isEmpty() || !orEmpty(atom.getResourceNames()).isEmpty()
        && ownerNames.contains(atom.getResourceNames().get(0));
    return groupOk && resourceOk && nameOk;
  }

  /** {@code rbacv1helpers.CompactString}: {@code {APIGroups:[""], Resources:["pods"], Verbs:["get"]}}. */
  static String compactString(PolicyRule r) {
    List<String> parts = new ArrayList<>();
    if (!orEmpty(r.getApiGroups()).isEmpty()) {
      parts.add("APIGroups:" + goQuoted(r.getApiGroups()));
    }
    if (!orEmpty(r.getResources()).isEmpty()) {
      parts.add("Resources:" + goQuoted(r.getResources()));
    }
    if (!orEmpty(r.getNonResourceURLs()).isEmpty()) {
      parts.add("NonResourceURLs:" + goQuoted(r.getNonResourceURLs()));
    }
    if (!orEmpty(r.getResourceNames()).isEmpty()) {
      parts.add("ResourceNames:" + goQuoted(r.getResourceNames()));
    }
    if (!orEmpty(r.getVerbs()).isEmpty()) {
      parts.add("Verbs:" + goQuoted(r.getVerbs()));
    }
    return "{" + String.join(", ", parts) + "}";
  }

  /** Go's {@code %q} of a string slice: {@code ["a" "b"]}. */
  static String goQuoted(List<String> values) {
    return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(" ", "[", "]"));
  }

  private static PolicyRule rule(List<String> groups, List<String> resources, List<String> names, List<String> urls,
      String verb) {
    return new PolicyRuleBuilder().withApiGroups(groups).withResources(resources).withResourceNames(names)
        .withNonResourceURLs(urls).withVerbs(new ArrayList<>(List.of(verb))).build();
  }

  private static PolicyRule everything() {
    return new PolicyRuleBuilder().withApiGroups("*").withResources("*").withVerbs("*").build();
  }

  private static PolicyRule everyPath() {
    return new PolicyRuleBuilder().withNonResourceURLs("*").withVerbs("*").build();
  }

  private static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }
}
