package io.kube4j.controllermanager.replicaset;

import static io.kube4j.controllermanager.testing.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplicaSetStatusesTest {

  static final Instant NOW = Instant.parse("2026-01-01T00:01:00Z");

  static ReplicaSet replicaSet(int replicas, int minReadySeconds) {
    return new ReplicaSetBuilder().withNewMetadata().withName("web").withNamespace("default").withGeneration(2L)
        .endMetadata().withNewSpec().withReplicas(replicas).withMinReadySeconds(minReadySeconds)
        .withNewSelector().addToMatchLabels("app", "web").endSelector().withNewTemplate().withNewMetadata()
        .addToLabels("app", "web").addToLabels("tier", "front").endMetadata().endTemplate().endSpec().build();
  }

  @Test
  void countsFullyLabeledReadyAndAvailablePods() {
    var pods = List.of(
        pod("a").labels(Map.of("app", "web", "tier", "front")).ready().readySince("2026-01-01T00:00:00Z").build(),
        pod("b").labels(Map.of("app", "web", "tier", "front")).ready().readySince("2026-01-01T00:00:50Z").build(),
        pod("c").labels(Map.of("app", "web")).notReady().build());

    var status = ReplicaSetStatuses.calculate(replicaSet(3, 30), pods, Optional.empty(), NOW);

    assertThat(status.getReplicas()).isEqualTo(3);
    assertThat(status.getFullyLabeledReplicas()).isEqualTo(2);
    assertThat(status.getReadyReplicas()).isEqualTo(2);
    // ready 60 s ago: available; ready 10 s ago with minReadySeconds 30: not yet
    assertThat(status.getAvailableReplicas()).isEqualTo(1);
  }

  @Test
  void aFailedCreateSetsReplicaFailureAndASuccessfulSyncRemovesIt() {
    var rs = replicaSet(3, 0);
    var error = new KubernetesClientException("pods \"web-x\" is forbidden: exceeded quota: pods", 403, null);

    var failed = ReplicaSetStatuses.calculate(rs, List.of(), Optional.of(error), NOW);

    assertThat(failed.getConditions()).singleElement().satisfies(c -> {
      assertThat(c.getType()).isEqualTo("ReplicaFailure");
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("FailedCreate");
      assertThat(c.getMessage()).contains("exceeded quota");
    });
    rs.setStatus(failed);
    assertThat(ReplicaSetStatuses.calculate(rs, List.of(), Optional.empty(), NOW).getConditions()).isEmpty();
  }
}
