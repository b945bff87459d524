package io.kube4j.apiserver.registry.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.authn.UserInfo;
import io.kube4j.apiserver.authorization.AuthorizationResult;
import io.kube4j.apiserver.authorization.RuleResolver;
import io.kube4j.apiserver.registry.builtin.BuiltinResources;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EscalationCheckTest {

  static final UserInfo JANE = new UserInfo("jane", "", List.of("dev", "system:authenticated"), Map.of());

  /** Jane holds get/list on pods in dev, and nothing lets her escalate or bind. */
  private final EscalationCheck check = new EscalationCheck(a -> AuthorizationResult.NO_OPINION,
      List.of((user, ns) -> new RuleResolver.Rules(List.of(new ResourceRuleBuilder().withApiGroups("")
          .withResources("pods").withVerbs("get", "list").build()), List.of(), false, "")),
      (ref, ns) -> Optional.empty());

  @Test
  void aRoleWithinWhatTheUserHoldsIsAllowed() {
    assertThatCode(() -> check.validate(attrs("roles", "dev", new RoleBuilder().withNewMetadata().withName("r")
        .withNamespace("dev").endMetadata().addNewRule().withApiGroups("").withResources("pods").withVerbs("get")
        .endRule().build()))).doesNotThrowAnyException();
  }

  @Test
  void aRoleGrantingMoreIsForbiddenNamingWhatIsMissing() {
    assertThatThrownBy(() -> check.validate(attrs("roles", "dev", new RoleBuilder().withNewMetadata().withName("r")
        .withNamespace("dev").endMetadata().addNewRule().withApiGroups("").withResources("pods", "secrets")
        .withVerbs("get", "delete").endRule().build()))).isInstanceOfSatisfying(StatusException.class, e ->
        assertThat(e.getMessage()).isEqualTo("roles.rbac.authorization.k8s.io \"r\" is forbidden: user \"jane\" "
            + "(groups=[\"dev\" \"system:authenticated\"]) is attempting to grant RBAC permissions not currently held:\n"
            + "{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"delete\"]}\n"
            + "{APIGroups:[\"\"], Resources:[\"secrets\"], Verbs:[\"get\" \"delete\"]}"));
  }

  @Test
  void anAggregatedClusterRoleNeedsClusterAdmin() {
    assertThatThrownBy(() -> check.validate(attrs("clusterroles", "", new ClusterRoleBuilder().withNewMetadata()
        .withName("agg").endMetadata().withNewAggregationRule().addNewClusterRoleSelector()
        .addToMatchLabels("x", "y").endClusterRoleSelector().endAggregationRule().build())))
        .hasMessage("clusterroles.rbac.authorization.k8s.io \"agg\" is forbidden: must have cluster-admin privileges "
            + "to use the aggregationRule");
  }

  private static Attributes attrs(String resource, String ns, HasMetadata obj) {
    return new Attributes(Attributes.Operation.CREATE, BuiltinResources.find("rbac.authorization.k8s.io", resource)
        .orElseThrow(), "", ns, "", Optional.of(obj), Optional.empty(), Optional.of(JANE), false);
  }
}
