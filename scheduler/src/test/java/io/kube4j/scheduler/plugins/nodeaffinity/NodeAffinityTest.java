package io.kube4j.scheduler.plugins.nodeaffinity;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.scheduler.framework.Code;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.NodeScore;
import io.kube4j.scheduler.framework.Status;
import io.kube4j.scheduler.testing.Nodes;
import io.kube4j.scheduler.testing.Pods;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NodeAffinityTest {

  static final NodeInfo NODE = new NodeInfo(Nodes.node("n1").label("zone", "a").label("gen", "5")
      .allocatable("pods", "10").build());

  record Case(String name, NodeSelectorRequirement requirement, boolean fits) {
    @Override
    public String toString() {
      return name;
    }
  }

  static NodeSelectorRequirement req(String key, String op, String... values) {
    return new NodeSelectorRequirementBuilder().withKey(key).withOperator(op).withValues(values).build();
  }

  static Stream<Case> operators() {
    return Stream.of(
        new Case("In matches a listed value", req("zone", "In", "a", "b"), true),
        new Case("In does not match an unlisted value", req("zone", "In", "b"), false),
        new Case("In does not match a missing label", req("disk", "In", "ssd"), false),
        new Case("NotIn matches an unlisted value", req("zone", "NotIn", "b"), true),
        new Case("NotIn does not match a listed value", req("zone", "NotIn", "a"), false),
        new Case("NotIn matches a missing label", req("disk", "NotIn", "ssd"), true),
        new Case("Exists matches a present label", req("zone", "Exists"), true),
        new Case("Exists does not match a missing label", req("disk", "Exists"), false),
        new Case("DoesNotExist matches a missing label", req("disk", "DoesNotExist"), true),
        new Case("DoesNotExist does not match a present label", req("zone", "DoesNotExist"), false),
        new Case("Gt compares as integers", req("gen", "Gt", "4"), true),
        new Case("Gt is strict", req("gen", "Gt", "5"), false),
        new Case("Lt compares as integers", req("gen", "Lt", "10"), true),
        new Case("Gt on a non-integer label does not match", req("zone", "Gt", "1"), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operators")
  void requiredTermOperators(Case c) {
    Status s = new NodeAffinity().filter(new CycleState(), Pods.pod("p").requiredNodeAffinity(c.requirement()).build(), NODE);
    assertThat(s.isSuccess()).isEqualTo(c.fits());
    if (!c.fits()) {
      assertThat(s.code()).isEqualTo(Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
      assertThat(s.reasons()).containsExactly("node(s) didn't match Pod's node affinity/selector");
    }
  }

  @Test
  void expressionsOfATermAreAndedAndTermsAreOred() {
    Pod both = Pods.pod("p").requiredNodeAffinity(req("zone", "In", "a"), req("gen", "In", "6")).build();
    assertThat(new NodeAffinity().filter(new CycleState(), both, NODE).isSuccess()).isFalse();
    Pod either = Pods.pod("p").requiredNodeAffinity(req("zone", "In", "x")).requiredNodeAffinity(req("gen", "In", "5"))
        .build();
    assertThat(new NodeAffinity().filter(new CycleState(), either, NODE).isSuccess()).isTrue();
  }

  @Test
  void nodeSelectorNeedsEveryLabel() {
    assertThat(new NodeAffinity().filter(new CycleState(), Pods.pod("p").nodeSelector("zone", "a").build(), NODE)
        .isSuccess()).isTrue();
    assertThat(new NodeAffinity().filter(new CycleState(),
        Pods.pod("p").nodeSelector("zone", "a").nodeSelector("disk", "ssd").build(), NODE).isSuccess()).isFalse();
  }

  @Test
  void preferredTermsScoreTheirWeightsNormalisedToTheBest() {
    NodeInfo other = new NodeInfo(Nodes.node("n2").label("zone", "b").allocatable("pods", "10").build());
    Pod pod = Pods.pod("p").preferredNodeAffinity(20, req("zone", "In", "a"))
        .preferredNodeAffinity(80, req("zone", "In", "b")).build();
    NodeAffinity plugin = new NodeAffinity();
    CycleState state = new CycleState();
    plugin.preScore(state, pod, List.of(NODE, other));
    List<NodeScore> raw = List.of(new NodeScore("n1", plugin.score(state, pod, NODE)),
        new NodeScore("n2", plugin.score(state, pod, other)));
    assertThat(raw).extracting(NodeScore::score).containsExactly(20L, 80L);
    assertThat(plugin.normalizeScore(state, pod, raw)).extracting(NodeScore::score).containsExactly(25L, 100L);
  }
}
