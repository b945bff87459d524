package io.kube4j.apiserver.registry.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.kube4j.apiserver.api.FieldError;
import org.junit.jupiter.api.Test;

class RbacStrategiesTest {

  @Test
  void aBindingKeepsItsRoleRef() {
    RoleBinding old = binding("view");
    assertThat(new RoleBindingStrategy().validateUpdate(binding("view"), old)).isEmpty();
    assertThat(new RoleBindingStrategy().validateUpdate(binding("edit"), old)).extracting(FieldError::message)
        .singleElement().asString().startsWith("roleRef: Invalid value: ").endsWith(": cannot change roleRef");
  }

  @Test
  void aBindingNamesAKnownKindOfRoleAndSubject() {
    RoleBinding b = new RoleBindingBuilder(binding("view")).editRoleRef().withKind("Group").endRoleRef()
        .editFirstSubject().withKind("Robot").endSubject().build();
    assertThat(new RoleBindingStrategy().validate(b)).extracting(FieldError::message).containsExactly(
        "roleRef.kind: Unsupported value: \"Group\": supported values: \"Role\", \"ClusterRole\"",
        "subjects[0].kind: Unsupported value: \"Robot\": supported values: \"ServiceAccount\", \"User\", \"Group\"");
  }

  @Test
  void aRuleNeedsVerbsAndWhatTheyApplyTo() {
    var role = new RoleBuilder().withNewMetadata().withName("r").withNamespace("dev").endMetadata()
        .addNewRule().endRule()
        .addNewRule().withNonResourceURLs("/healthz").withVerbs("get").endRule().build();
    assertThat(new RoleStrategy().validate(role)).extracting(FieldError::message).containsExactly(
        "rules[0].verbs: Required value: verbs must contain at least one value",
        "rules[0].apiGroups: Required value: resource rules must supply at least one api group",
        "rules[0].resources: Required value: resource rules must supply at least one resource",
        "rules[1].nonResourceURLs: Invalid value: []string{\"/healthz\"}: namespaced rules cannot apply to non-resource URLs");
    var clusterRole = new ClusterRoleBuilder().withNewMetadata().withName("health").endMetadata()
        .addNewRule().withNonResourceURLs("/healthz").withVerbs("get").endRule().build();
    assertThat(new ClusterRoleStrategy().validate(clusterRole)).isEmpty();
  }

  private static RoleBinding binding(String role) {
    return new RoleBindingBuilder().withNewMetadata().withName("b").withNamespace("dev").endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", role)
        .addNewSubject().withApiGroup("rbac.authorization.k8s.io").withKind("User").withName("jane").endSubject()
        .build();
  }
}
