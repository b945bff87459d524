package io.kube4j.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchedulingAlgorithmTest {

  @Test
  void adaptivePercentageOfNodesToScore() {
    assertThat(SchedulingAlgorithm.numFeasibleNodesToFind(0, 50)).isEqualTo(50);
    assertThat(SchedulingAlgorithm.numFeasibleNodesToFind(0, 150)).isEqualTo(100);   // 49% of 150 = 73 → at least 100
    assertThat(SchedulingAlgorithm.numFeasibleNodesToFind(0, 1000)).isEqualTo(420);  // 50 - 8 = 42%
    assertThat(SchedulingAlgorithm.numFeasibleNodesToFind(0, 5000)).isEqualTo(500);  // 50 - 40 = 10%
    assertThat(SchedulingAlgorithm.numFeasibleNodesToFind(0, 10000)).isEqualTo(500); // floor of 5%
  }

  @Test
  void explicitPercentage() {
    assertThat(SchedulingAlgorithm.numFeasibleNodesToFind(100, 5000)).isEqualTo(5000);
    assertThat(SchedulingAlgorithm.numFeasibleNodesToFind(30, 1000)).isEqualTo(300);
    assertThat(SchedulingAlgorithm.numFeasibleNodesToFind(1, 1000)).isEqualTo(100);
  }
}
