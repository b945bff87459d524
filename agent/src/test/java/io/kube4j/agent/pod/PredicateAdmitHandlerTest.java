package io.kube4j.agent.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PredicateAdmitHandlerTest {

  record Case(String name, Pod pod, List<Pod> admitted, String reason, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final Node NODE = new NodeBuilder().withNewMetadata().withName("n")
      .withLabels(Map.of("kubernetes.io/os", "linux")).endMetadata().withNewStatus()
      .withAllocatable(Map.of("cpu", new Quantity("4"), "memory", new Quantity("1Gi"), "pods", new Quantity("2"),
          "ephemeral-storage", new Quantity("10Gi"))).endStatus().build();

  static Pod pod(String cpu, String memory) {
    PodBuilder b = new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec()
        .addNewContainer().withName("c").withNewResources().endResources().endContainer().endSpec();
    Pod p = b.build();
    if (cpu != null) {
      p.getSpec().getContainers().get(0).getResources().setRequests(new java.util.HashMap<>(Map.of("cpu", new Quantity(cpu))));
    }
    if (memory != null) {
      var r = p.getSpec().getContainers().get(0).getResources();
      var requests = r.getRequests() == null ? new java.util.HashMap<String, Quantity>() : r.getRequests();
      requests.put("memory", new Quantity(memory));
      r.setRequests(requests);
    }
    return p;
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("fits", pod("1", "100Mi"), List.of(pod("2", null)), "", ""),
        new Case("too many pods", pod(null, null), Collections.nCopies(2, pod(null, null)), "OutOfpods",
            "Node didn't have enough resource: pods, requested: 1, used: 2, capacity: 2"),
        new Case("cpu", pod("1", null), List.of(pod("3500m", null)), "OutOfcpu",
            "Node didn't have enough resource: cpu, requested: 1000, used: 3500, capacity: 4000"),
        new Case("memory", pod(null, "2Gi"), List.of(), "OutOfmemory",
            "Node didn't have enough resource: memory, requested: 2147483648, used: 0, capacity: 1073741824"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void admitsOrRejectsAsTheKubelet(Case c) {
    PredicateAdmitHandler.Result r = PredicateAdmitHandler.admit(c.pod(), c.admitted(), NODE);
    assertThat(r.admit()).isEqualTo(c.reason().isEmpty());
    assertThat(r.reason()).isEqualTo(c.reason());
    assertThat(r.message()).isEqualTo(c.message());
  }
}
