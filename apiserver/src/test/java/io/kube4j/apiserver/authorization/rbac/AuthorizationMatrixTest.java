package io.kube4j.apiserver.authorization.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.kube4j.apiserver.authn.UserInfo;
import io.kube4j.apiserver.authorization.AuthorizationAttributes;
import io.kube4j.apiserver.authorization.AuthorizerChain;
import io.kube4j.apiserver.authorization.rbac.aggregation.ClusterRoleAggregator;
import io.kube4j.apiserver.authorization.rbac.bootstrappolicy.BootstrapPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (user, verb, resource, namespace) of a matrix against the default policy, as the apiserver
 * reconciles and aggregates it, with a viewer, an editor and a namespace admin bound in "dev".
 */
class AuthorizationMatrixTest {

  static final UserInfo MASTER = user("kubernetes-admin", "system:masters");
  static final UserInfo VIEWER = user("vera", "dev");
  static final UserInfo EDITOR = user("ed", "dev");
  static final UserInfo NS_ADMIN = user("ada", "dev");
  static final UserInfo STRANGER = user("jane", "dev");
  static final UserInfo SCHEDULER = user("system:kube-scheduler");
  static final UserInfo ANONYMOUS = new UserInfo("system:anonymous", "", List.of("system:unauthenticated"), Map.of());

  static final RbacAuthorizer RBAC = new RbacAuthorizer(policy());
  static final AuthorizerChain CHAIN = new AuthorizerChain(List.of(RBAC));

  static final List<String> READ = List.of("get", "list", "watch");
  static final List<String> WRITE = List.of("create", "update", "patch", "delete", "deletecollection");

  /** The expected decision of one user, as a function of the request. */
  interface Expect {
    boolean allowed(String verb, String group, String resource, String ns);
  }

  static Stream<Arguments> matrix() {
    Map<String, UserInfo> users = Map.of("system:masters", MASTER, "view in dev", VIEWER, "edit in dev", EDITOR,
        "admin in dev", NS_ADMIN, "no binding", STRANGER, "kube-scheduler", SCHEDULER);
    Map<String, Expect> expect = Map.of(
        "system:masters", (v, g, r, ns) -> true,
        "view in dev", (v, g, r, ns) -> ns.equals("dev") && READ.contains(v) && !r.equals("secrets")
            && !r.startsWith("roles") && !r.equals("rolebindings") && !r.equals("leases"),
        "edit in dev", (v, g, r, ns) -> ns.equals("dev") && !r.equals("roles") && !r.equals("rolebindings"),
        "admin in dev", (v, g, r, ns) -> ns.equals("dev"),
        "no binding", (v, g, r, ns) -> false,
        "kube-scheduler", (v, g, r, ns) -> READ.contains(v) && r.equals("pods")
            || v.equals("delete") && r.equals("pods")
            || r.equals("events") && List.of("create", "patch", "update").contains(v)
            || READ.contains(v) && List.of("services", "replicasets", "statefulsets").contains(r)
            || v.equals("create") && r.equals("leases"));
    List<String[]> resources = List.of(new String[] {"", "pods"}, new String[] {"", "secrets"},
        new String[] {"", "configmaps"}, new String[] {"", "services"}, new String[] {"apps", "deployments"},
        new String[] {"apps", "replicasets"}, new String[] {"apps", "statefulsets"}, new String[] {"batch", "jobs"},
        new String[] {"rbac.authorization.k8s.io", "roles"}, new String[] {"rbac.authorization.k8s.io",
            "rolebindings"}, new String[] {"", "events"}, new String[] {"coordination.k8s.io", "leases"});
    List<Arguments> out = new ArrayList<>();
    for (var u : users.entrySet()) {
      for (String[] r : resources) {
        for (String ns : List.of("dev", "prod")) {
          for (String verb : Stream.concat(READ.stream(), WRITE.stream()).toList()) {
            boolean allowed = expect.get(u.getKey()).allowed(verb, r[0], r[1], ns);
            out.add(Arguments.of(u.getKey() + " " + verb + " " + r[1] + " in " + ns, u.getValue(), verb, r[0], r[1],
                ns, allowed));
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} -> {6}")
  @MethodSource("matrix")
  void decidesAsTheDefaultRolesSay(String name, UserInfo user, String verb, String group, String resource,
      String ns, boolean allowed) {
    AuthorizationAttributes a = AuthorizationAttributes.resource(user, verb, ns, group, "v1", resource, "", "x");
    if (verb.equals("list") || verb.equals("watch") || verb.equals("create") || verb.equals("deletecollection")) {
      a = AuthorizationAttributes.resource(user, verb, ns, group, "v1", resource, "", "");
    }
    assertThat(CHAIN.authorize(a).allowed()).as(name).isEqualTo(allowed);
  }

  @Test
  void matrixIsLargeEnough() {
    assertThat(matrix().count()).isGreaterThanOrEqualTo(200);
  }

  @Test
  void pathsFollowDiscoveryAndPublicInfoRoles() {
    assertThat(RBAC.authorize(AuthorizationAttributes.nonResource(STRANGER, "get", "/apis/apps/v1")).allowed()).isTrue();
    assertThat(RBAC.authorize(AuthorizationAttributes.nonResource(ANONYMOUS, "get", "/version")).allowed()).isTrue();
    assertThat(RBAC.authorize(AuthorizationAttributes.nonResource(ANONYMOUS, "get", "/apis")).allowed()).isFalse();
    assertThat(RBAC.authorize(AuthorizationAttributes.nonResource(STRANGER, "get", "/metrics")).allowed()).isFalse();
    assertThat(RBAC.authorize(AuthorizationAttributes.nonResource(MASTER, "get", "/metrics")).allowed()).isTrue();
  }

  @Test
  void anAllowSaysWhichBindingAllowed() {
    var r = RBAC.authorize(AuthorizationAttributes.resource(VIEWER, "list", "dev", "", "v1", "pods", "", ""));
    assertThat(r.reason()).isEqualTo("RBAC: allowed by RoleBinding \"vera-view/dev\" of ClusterRole \"view\" to User "
        + "\"vera\"");
  }

  @Test
  void resourceNamesNeverMatchAListOrACreate() {
    var rule = new io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder().withApiGroups("").withResources("pods")
        .withResourceNames("web").withVerbs("get", "list", "create").build();
    assertThat(RuleMatching.allows(AuthorizationAttributes.resource(STRANGER, "get", "dev", "", "v1", "pods", "",
        "web"), rule)).isTrue();
    assertThat(RuleMatching.allows(AuthorizationAttributes.resource(STRANGER, "list", "dev", "", "v1", "pods", "",
        ""), rule)).isFalse();
    assertThat(RuleMatching.allows(AuthorizationAttributes.resource(STRANGER, "create", "dev", "", "v1", "pods", "",
        ""), rule)).isFalse();
  }

  @Test
  void aSubresourceWildcardMatchesThatSubresourceOfEveryResource() {
    var rule = new io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder().withApiGroups("*").withResources("*/scale")
        .withVerbs("update").build();
    assertThat(RuleMatching.allows(AuthorizationAttributes.resource(STRANGER, "update", "dev", "apps", "v1",
        "deployments", "scale", "web"), rule)).isTrue();
    assertThat(RuleMatching.allows(AuthorizationAttributes.resource(STRANGER, "update", "dev", "apps", "v1",
        "deployments", "status", "web"), rule)).isFalse();
  }

  /** The default policy, aggregated, plus three bindings in dev. */
  private static PolicySource policy() {
    List<ClusterRole> roles = BootstrapPolicy.clusterRoles();
    // view aggregates into edit, edit into admin: repeat, as the controller's passes do, until nothing changes
    boolean changed = true;
    while (changed) {
      changed = false;
      for (ClusterRole r : roles) {
        if (r.getAggregationRule() != null) {
          var rules = ClusterRoleAggregator.aggregate(r, roles);
          changed |= !rules.equals(r.getRules());
          r.setRules(rules);
        }
      }
    }
    List<ClusterRoleBinding> crbs = BootstrapPolicy.clusterRoleBindings();
    List<RoleBinding> rbs = List.of(binding("vera-view", "view", "vera"), binding("ed-edit", "edit", "ed"),
        binding("ada-admin", "admin", "ada"));
    return new PolicySource() {
      @Override
      public Optional<Role> role(String namespace, String name) {
        return Optional.empty();
      }

      @Override
      public Optional<ClusterRole> clusterRole(String name) {
        return roles.stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
      }

      @Override
      public Collection<RoleBinding> roleBindings(String namespace) {
        return namespace.equals("dev") ? rbs : List.of();
      }

      @Override
      public Collection<ClusterRoleBinding> clusterRoleBindings() {
        return crbs;
      }
    };
  }

  private static RoleBinding binding(String name, String role, String user) {
    return new RoleBindingBuilder().withNewMetadata().withName(name).withNamespace("dev").endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", role)
        .addNewSubject().withApiGroup("rbac.authorization.k8s.io").withKind("User").withName(user).endSubject()
        .build();
  }

  private static UserInfo user(String name, String... groups) {
    List<String> g = new ArrayList<>(List.of(groups));
    g.add("system:authenticated");
    return new UserInfo(name, "", g, Map.of());
  }
}
