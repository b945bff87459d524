package io.kube4j.apiserver.admission.plugins.defaulttolerationseconds;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.registry.builtin.BuiltinResources;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefaultTolerationSecondsTest {

  private final DefaultTolerationSeconds plugin = new DefaultTolerationSeconds(300, 300);

  @Test
  void aPodGetsBothTolerationsForFiveMinutes() {
    Pod pod = admit(new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec()
        .addNewContainer().withName("c").endContainer().endSpec().build());
    assertThat(pod.getSpec().getTolerations()).extracting(Toleration::getKey, Toleration::getEffect,
        Toleration::getTolerationSeconds).containsExactly(
            org.assertj.core.groups.Tuple.tuple("node.kubernetes.io/not-ready", "NoExecute", 300L),
            org.assertj.core.groups.Tuple.tuple("node.kubernetes.io/unreachable", "NoExecute", 300L));
  }

  @Test
  void aPodThatSaysOtherwiseKeepsItsOwn() {
    Pod pod = admit(new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec()
        .addNewToleration().withKey("node.kubernetes.io/not-ready").withOperator("Exists").withEffect("NoExecute")
        .withTolerationSeconds(5L).endToleration()
        .addNewContainer().withName("c").endContainer().endSpec().build());
    assertThat(pod.getSpec().getTolerations()).hasSize(2);
    assertThat(pod.getSpec().getTolerations().get(0).getTolerationSeconds()).isEqualTo(5L);
    Pod tolerant = admit(new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec()
        .addNewToleration().withOperator("Exists").endToleration()
        .addNewContainer().withName("c").endContainer().endSpec().build());
    assertThat(tolerant.getSpec().getTolerations()).hasSize(1);
  }

  private Pod admit(Pod pod) {
    Attributes a = new Attributes(Attributes.Operation.CREATE, BuiltinResources.find("", "pods").orElseThrow(), "",
        "dev", "p", Optional.of(pod), Optional.empty(), Optional.empty(), false);
    return (Pod) plugin.admit(a).object().orElseThrow();
  }
}
