package io.kube4j.scheduler.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FitErrorTest {

  @Test
  void countsReasonsOverNodesAndSortsThemAsStrings() {
    FitError err = new FitError(3, new Diagnosis(Map.of(
        "n1", Status.unschedulableAndUnresolvable("node(s) had untolerated taint {dedicated: gpu}"),
        "n2", Status.unschedulable("Insufficient cpu"),
        "n3", Status.unschedulable("Insufficient cpu")), "", ""));
    assertThat(err.getMessage())
        .isEqualTo("0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 Insufficient cpu.");
  }

  @Test
  void aNodeWithSeveralReasonsCountsInEach() {
    FitError err = new FitError(2, new Diagnosis(Map.of(
        "n1", Status.unschedulable("Insufficient cpu", "Insufficient memory"),
        "n2", Status.unschedulable("Insufficient memory")), "", ""));
    assertThat(err.getMessage()).isEqualTo("0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.");
  }

  @Test
  void sortsCountsAsStringsAsUpstreamDoes() {
    Map<String, Status> statuses = new java.util.HashMap<>();
    for (int i = 0; i < 10; i++) {
      statuses.put("a" + i, Status.unschedulable("Insufficient cpu"));
    }
    statuses.put("b0", Status.unschedulable("Insufficient memory"));
    statuses.put("b1", Status.unschedulable("Insufficient memory"));
    assertThat(new FitError(12, new Diagnosis(statuses, "", "")).getMessage())
        .isEqualTo("0/12 nodes are available: 10 Insufficient cpu, 2 Insufficient memory.");
  }

  @Test
  void noNodesAtAll() {
    // ErrNoNodesAvailable upstream
    assertThat(new FitError(0, new Diagnosis(Map.of(), "", "")).getMessage()).isEqualTo("no nodes available to schedule pods");
  }

  @Test
  void postFilterMessageFollows() {
    FitError err = new FitError(1, new Diagnosis(Map.of("n1", Status.unschedulable("Insufficient cpu")), "", ""))
        .withPostFilterMsg("preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod");
    assertThat(err.getMessage()).isEqualTo("0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are "
        + "available: 1 No preemption victims found for incoming pod.");
  }
}
