package io.kube4j.scheduler.plugins.tainttoleration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.scheduler.framework.Code;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.NodeScore;
import io.kube4j.scheduler.framework.Status;
import io.kube4j.scheduler.testing.Nodes;
import io.kube4j.scheduler.testing.Pods;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaintTolerationTest {

  static final NodeInfo GPU_NODE = new NodeInfo(Nodes.node("gpu").taint("dedicated", "gpu", "NoSchedule")
      .allocatable("pods", "10").build());

  @Test
  void rejectsPodThatDoesNotTolerateNoScheduleTaint() {
    Status s = new TaintToleration().filter(new CycleState(), Pods.pod("p").build(), GPU_NODE);
    assertThat(s.code()).isEqualTo(Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
    assertThat(s.reasons()).containsExactly("node(s) had untolerated taint {dedicated: gpu}");
  }

  @Test
  void anExistsTolerationToleratesAnyValueOfItsKey() {
    Pod pod = Pods.pod("p").toleration("dedicated", "Exists", null, "NoSchedule").build();
    assertThat(new TaintToleration().filter(new CycleState(), pod, GPU_NODE).isSuccess()).isTrue();
  }

  @Test
  void anExistsTolerationWithoutKeyToleratesEverything() {
    Pod pod = Pods.pod("p").toleration(null, "Exists", null, null).build();
    assertThat(new TaintToleration().filter(new CycleState(), pod, GPU_NODE).isSuccess()).isTrue();
  }

  @Test
  void anEqualTolerationNeedsTheSameValueAndEffect() {
    TaintToleration plugin = new TaintToleration();
    assertThat(plugin.filter(new CycleState(), Pods.pod("p").toleration("dedicated", "Equal", "gpu", "NoSchedule")
        .build(), GPU_NODE).isSuccess()).isTrue();
    assertThat(plugin.filter(new CycleState(), Pods.pod("p").toleration("dedicated", "Equal", "cpu", "NoSchedule")
        .build(), GPU_NODE).isSuccess()).isFalse();
    assertThat(plugin.filter(new CycleState(), Pods.pod("p").toleration("dedicated", "Equal", "gpu", "NoExecute")
        .build(), GPU_NODE).isSuccess()).isFalse();
  }

  @Test
  void preferNoScheduleDoesNotFilterButLowersTheScore() {
    NodeInfo soft = new NodeInfo(Nodes.node("soft").taint("a", "1", "PreferNoSchedule")
        .taint("b", "2", "PreferNoSchedule").allocatable("pods", "10").build());
    NodeInfo clean = new NodeInfo(Nodes.node("clean").allocatable("pods", "10").build());
    Pod pod = Pods.pod("p").build();
    TaintToleration plugin = new TaintToleration();
    CycleState state = new CycleState();
    assertThat(plugin.filter(state, pod, soft).isSuccess()).isTrue();
    plugin.preScore(state, pod, List.of(soft, clean));
    List<NodeScore> raw = List.of(new NodeScore("soft", plugin.score(state, pod, soft)),
        new NodeScore("clean", plugin.score(state, pod, clean)));
    assertThat(raw).extracting(NodeScore::score).containsExactly(2L, 0L);
    assertThat(plugin.normalizeScore(state, pod, raw)).extracting(NodeScore::score).containsExactly(0L, 100L);
  }
}
