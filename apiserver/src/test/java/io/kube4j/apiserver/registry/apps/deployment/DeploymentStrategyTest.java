package io.kube4j.apiserver.registry.apps.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.kube4j.apiserver.api.FieldError;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentStrategyTest {

  private final DeploymentStrategy strategy = new DeploymentStrategy();

  static Deployment deployment(Map<String, String> selector, Map<String, String> templateLabels) {
    return new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("default").endMetadata()
        .withNewSpec().withNewSelector().withMatchLabels(selector).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(templateLabels).endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("nginx").endContainer().endSpec().endTemplate()
        .endSpec().build();
  }

  private Deployment created(Deployment d) {
    strategy.applyDefaults(d);
    strategy.prepareForCreate(d);
    return d;
  }

  @Test
  void minimalDeploymentGetsEveryDefault() {
    Deployment d = created(deployment(Map.of("app", "web"), Map.of("app", "web")));
    var spec = d.getSpec();
    assertThat(spec.getReplicas()).isEqualTo(1);
    assertThat(spec.getStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(spec.getStrategy().getRollingUpdate().getMaxUnavailable()).isEqualTo(new IntOrString("25%"));
    assertThat(spec.getStrategy().getRollingUpdate().getMaxSurge()).isEqualTo(new IntOrString("25%"));
    assertThat(spec.getRevisionHistoryLimit()).isEqualTo(10);
    assertThat(spec.getProgressDeadlineSeconds()).isEqualTo(600);
    assertThat(spec.getTemplate().getSpec().getRestartPolicy()).isEqualTo("Always");
    assertThat(spec.getTemplate().getSpec().getContainers().get(0).getImagePullPolicy()).isEqualTo("Always");
    assertThat(d.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(strategy.validate(d)).isEmpty();
  }

  @Test
  void selectorMustMatchTemplateLabels() {
    Deployment d = created(deployment(Map.of("app", "web"), Map.of("app", "api")));
    assertThat(strategy.validate(d)).extracting(FieldError::message).containsExactly(
        "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"api\"}: `selector` does not "
            + "match template `labels`");
  }

  @Test
  void negativeReplicasAreInvalid() {
    Deployment d = deployment(Map.of("app", "web"), Map.of("app", "web"));
    d.getSpec().setReplicas(-1);
    assertThat(strategy.validate(created(d))).extracting(FieldError::message)
        .containsExactly("spec.replicas: Invalid value: -1: must be greater than or equal to 0");
  }

  @Test
  void selectorIsImmutable() {
    Deployment old = created(deployment(Map.of("app", "web"), Map.of("app", "web", "v", "2")));
    old.getMetadata().setResourceVersion("2");
    Deployment update = new DeploymentBuilder(old).editSpec().editSelector()
        .withMatchLabels(Map.of("app", "web", "v", "2")).endSelector().endSpec().build();
    strategy.prepareForUpdate(update, old);
    assertThat(strategy.validateUpdate(update, old)).extracting(FieldError::message).containsExactly(
        "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\", \"v\":\"2\"}, "
            + "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable");
  }

  @Test
  void specAndAnnotationChangesBumpTheGenerationButStatusDoesNot() {
    Deployment old = created(deployment(Map.of("app", "web"), Map.of("app", "web")));
    Deployment scaled = new DeploymentBuilder(old).editSpec().withReplicas(3).endSpec().build();
    strategy.prepareForUpdate(scaled, old);
    assertThat(scaled.getMetadata().getGeneration()).isEqualTo(2L);

    Deployment annotated = new DeploymentBuilder(old).editMetadata().addToAnnotations("a", "b").endMetadata().build();
    strategy.prepareForUpdate(annotated, old);
    assertThat(annotated.getMetadata().getGeneration()).isEqualTo(2L);

    Deployment same = new DeploymentBuilder(old).withNewStatus().withReplicas(5).endStatus().build();
    strategy.prepareForUpdate(same, old);
    assertThat(same.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(same.getStatus().getReplicas()).isNull();
  }

  @Test
  void templateRestartPolicyMustBeAlways() {
    Deployment d = deployment(Map.of("app", "web"), Map.of("app", "web"));
    d.getSpec().getTemplate().getSpec().setRestartPolicy("Never");
    assertThat(strategy.validate(created(d))).extracting(FieldError::message).containsExactly(
        "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"");
  }
}
