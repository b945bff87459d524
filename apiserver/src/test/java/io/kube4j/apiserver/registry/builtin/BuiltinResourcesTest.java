package io.kube4j.apiserver.registry.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.apiserver.registry.ApiResource;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BuiltinResourcesTest {

  private final BuiltinStrategies strategies = new BuiltinStrategies();

  @Test
  void everyResourceHasAStrategyAndEveryStrategyAResource() {
    assertThat(BuiltinResources.RESOURCES).allSatisfy(r -> assertThat(strategies.find(r.type())).isPresent());
    assertThat(strategies.all().keySet())
        .allSatisfy(type -> assertThat(BuiltinResources.forType(type)).isPresent());
    assertThat(BuiltinResources.RESOURCES).hasSize(strategies.all().size());
  }

  @Test
  void kubectlGetAllListsTheUpstreamCategoryMembers() {
    assertThat(BuiltinResources.RESOURCES.stream().filter(r -> r.categories().contains("all"))
        .map(ApiResource::resource).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("pods", "services", "replicationcontrollers", "daemonsets", "deployments",
            "replicasets", "statefulsets", "jobs", "cronjobs");
  }

  @Test
  void shortNamesResolveAsInKubectl() {
    assertThat(BuiltinResources.find("apps", "deployments").orElseThrow().shortNames()).containsExactly("deploy");
    assertThat(BuiltinResources.find("", "pods").orElseThrow().shortNames()).containsExactly("po");
    assertThat(BuiltinResources.find("", "namespaces").orElseThrow().verbs())
        .doesNotContain(ApiResource.Verb.DELETECOLLECTION);
  }

  @Test
  void scaleSubresourcesSpeakAutoscalingScale() {
    assertThat(BuiltinResources.find("apps", "deployments").orElseThrow().subresources())
        .anySatisfy(s -> {
          assertThat(s.name()).isEqualTo("scale");
          assertThat(s.group() + "/" + s.version() + " " + s.kind()).isEqualTo("autoscaling/v1 Scale");
        });
  }

  @Test
  void forTypeReturnsTheTypedStrategy() {
    assertThat(strategies.forType(Pod.class).statusStrategy()).isPresent();
  }
}
