package io.kube4j.apiserver.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PatchStrategiesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<PatchStrategies.Entry> entries() {
    return PatchStrategies.entries().stream();
  }

  /** Guards the transcription: a misspelt class or field would silently patch without a strategy. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void namesAFieldTheModelHas(PatchStrategies.Entry e) throws ClassNotFoundException {
    Class<?> owner = Class.forName(e.javaClass());
    JavaType field = property(MAPPER.constructType(owner), e.jsonField());

    assertThat(field).as("%s.%s", owner.getSimpleName(), e.jsonField()).isNotNull();
    assertThat(e.definition()).startsWith("io.k8s.").endsWith("." + owner.getSimpleName());
    assertThat(Set.of("merge", "replace", "retainKeys", "merge,retainKeys")).contains(e.meta().strategy());
    if (e.meta().strategy().startsWith("merge")) {
      assertThat(field.isCollectionLikeType()).as("merged fields are lists").isTrue();
      JavaType element = field.getContentType();
      if (e.meta().mergeKey().isEmpty()) {
        assertThat(element.getRawClass()).as("lists without a merge key hold scalars").isEqualTo(String.class);
      } else {
        assertThat(property(element, e.meta().mergeKey())).as("merge key %s", e.meta().mergeKey()).isNotNull();
      }
    }
    assertThat(PatchStrategies.lookup(owner, e.jsonField())).contains(e.meta());
  }

  @Test
  void listsEachFieldOnce() {
    Set<String> keys = PatchStrategies.entries().stream()
        .map(e -> e.javaClass() + "." + e.jsonField()).collect(Collectors.toSet());

    assertThat(keys).hasSize(PatchStrategies.entries().size());
  }

  @Test
  void answersUpstreamTagsForWellKnownFields() {
    assertThat(PatchStrategies.lookup(PodSpec.class, "containers")).contains(new PatchMeta("merge", "name"));
    assertThat(PatchStrategies.lookup(PodSpec.class, "volumes")).contains(new PatchMeta("merge,retainKeys", "name"));
    assertThat(PatchStrategies.lookup(Container.class, "ports")).contains(new PatchMeta("merge", "containerPort"));
    assertThat(PatchStrategies.lookup(ServiceSpec.class, "ports")).contains(new PatchMeta("merge", "port"));
    assertThat(PatchStrategies.lookup(ObjectMeta.class, "ownerReferences")).contains(new PatchMeta("merge", "uid"));
    assertThat(PatchStrategies.lookup(ObjectMeta.class, "finalizers")).contains(new PatchMeta("merge", ""));
    assertThat(PatchStrategies.lookup(DeploymentSpec.class, "strategy")).contains(new PatchMeta("retainKeys", ""));
    assertThat(PatchStrategies.lookup(PodDisruptionBudgetSpec.class, "selector"))
        .contains(new PatchMeta("replace", ""));
  }

  @Test
  void answersNothingForAtomicLists() {
    assertThat(PatchStrategies.lookup(PodSpec.class, "tolerations")).isEqualTo(Optional.empty());
    assertThat(PatchStrategies.lookup(Container.class, "args")).isEqualTo(Optional.empty());
  }

  private static JavaType property(JavaType type, String jsonName) {
    for (BeanPropertyDefinition p : MAPPER.getDeserializationConfig().introspect(type).findProperties()) {
      if (p.getName().equals(jsonName)) {
        return p.getPrimaryType();
      }
    }
    return null;
  }
}
