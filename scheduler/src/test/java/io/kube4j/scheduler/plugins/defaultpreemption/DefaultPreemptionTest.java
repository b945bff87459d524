package io.kube4j.scheduler.plugins.defaultpreemption;

import static io.kube4j.scheduler.testing.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.Handle;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PostFilterPlugin;
import io.kube4j.scheduler.framework.Status;
import io.kube4j.scheduler.plugins.noderesources.NodeResourcesFit;
import io.kube4j.scheduler.testing.FakeHandle;
import io.kube4j.scheduler.testing.Nodes;
import io.kube4j.scheduler.testing.Pods;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** After upstream's {@code default_preemption_test.go}; victims are recorded, not deleted. */
class DefaultPreemptionTest {

  static Node node(String name, String cpu) {
    return Nodes.node(name).allocatable("cpu", cpu, "memory", "8Gi", "pods", "110").build();
  }

  static Pod p(String name, int priority, String cpu, String node) {
    return pod(name).priority(priority).container("cpu", cpu).node(node).build();
  }

  /** NodeResourcesFit as the only filter. */
  static Handle.FilterRunner fit() {
    NodeResourcesFit fit = new NodeResourcesFit();
    return new Handle.FilterRunner() {
      @Override
      public Status runFilterPlugins(CycleState state, Pod pod, NodeInfo node) {
        if (state.read("PreFilter" + NodeResourcesFit.NAME, Object.class).isEmpty()) {
          fit.preFilter(state, pod);
        }
        return fit.filter(state, pod, node);
      }

      @Override
      public Status runPreFilterExtensionAddPod(CycleState state, Pod podToSchedule, Pod podToAdd, NodeInfo node) {
        return Status.success();
      }

      @Override
      public Status runPreFilterExtensionRemovePod(CycleState state, Pod podToSchedule, Pod podToRemove, NodeInfo node) {
        return Status.success();
      }
    };
  }

  static PodDisruptionBudget pdb(String app, int allowed) {
    return new PodDisruptionBudgetBuilder().withNewMetadata().withName(app).withNamespace("default").endMetadata()
        .withNewSpec().withMinAvailable(new IntOrString(1)).withSelector(Pods.selector("app", app)).endSpec()
        .withNewStatus().withDisruptionsAllowed(allowed).endStatus().build();
  }

  /** Records the chosen candidate instead of calling the API. */
  static final class RecordingDeleter extends VictimDeleter {
    final List<Candidate> prepared = new ArrayList<>();

    RecordingDeleter(Handle h) {
      super(h);
    }

    @Override
    Status prepareCandidate(Candidate c, Pod preemptor) {
      prepared.add(c);
      return Status.success();
    }
  }

  static Map<String, Status> insufficientCpuOn(String... nodes) {
    Map<String, Status> m = new HashMap<>();
    for (String n : nodes) {
      m.put(n, Status.unschedulable("Insufficient cpu"));
    }
    return m;
  }

  @Test
  void selectsTheSmallestSetOfVictims() {
    // as the worked example on SelectVictims: a (10, 1 CPU), b (5, 2 CPUs), c (1, 1 CPU) on 4 CPUs;
    // a 2-CPU pod of priority 100 only needs b gone
    FakeHandle h = FakeHandle.of(List.of(node("n", "4")),
        List.of(p("a", 10, "1", "n"), p("b", 5, "2", "n"), p("c", 1, "1", "n")));
    Pod incoming = pod("in").priority(100).container("cpu", "2").build();
    SelectVictims.Result r = SelectVictims.onNode(fit(), new CycleState(), incoming, h.node("n").copy(), List.of());
    assertThat(r.status().isSuccess()).isTrue();
    assertThat(r.victims()).extracting(v -> v.getMetadata().getName()).containsExactly("b");
  }

  @Test
  void reprievesPodsProtectedByABudgetFirst() {
    // 2 CPUs holding x (priority 1) and y (priority 2), 1 CPU each; the incoming pod needs 1 CPU.
    // Without budgets y, more important, is reprieved and x is the victim; with a budget on x that
    // allows no disruption x is reprieved first and y goes instead
    List<Pod> pods = List.of(pod("x").label("app", "x").priority(1).container("cpu", "1").node("n").build(),
        pod("y").label("app", "y").priority(2).container("cpu", "1").node("n").build());
    Pod incoming = pod("in").priority(100).container("cpu", "1").build();
    FakeHandle h = FakeHandle.of(List.of(node("n", "2")), pods);
    assertThat(SelectVictims.onNode(fit(), new CycleState(), incoming, h.node("n").copy(), List.of()).victims())
        .extracting(v -> v.getMetadata().getName()).containsExactly("x");
    SelectVictims.Result r = SelectVictims.onNode(fit(), new CycleState(), incoming, h.node("n").copy(),
        List.of(pdb("x", 0)));
    assertThat(r.victims()).extracting(v -> v.getMetadata().getName()).containsExactly("y");
    assertThat(r.numPdbViolations()).isZero();
  }

  @Test
  void countsAVictimItCannotSpareAsAViolation() {
    FakeHandle h = FakeHandle.of(List.of(node("n", "1")),
        List.of(pod("x").label("app", "x").priority(1).container("cpu", "1").node("n").build()));
    SelectVictims.Result r = SelectVictims.onNode(fit(), new CycleState(),
        pod("in").priority(100).container("cpu", "1").build(), h.node("n").copy(), List.of(pdb("x", 0)));
    assertThat(r.victims()).hasSize(1);
    assertThat(r.numPdbViolations()).isEqualTo(1);
  }

  @Test
  void budgetsSpendTheirAllowanceInOrder() {
    List<Pod> pods = List.of(pod("a").label("app", "x").build(), pod("b").label("app", "x").build());
    List<List<Pod>> split = SelectVictims.filterPodsWithPdbViolation(pods, List.of(pdb("x", 1)));
    assertThat(split.get(0)).extracting(v -> v.getMetadata().getName()).containsExactly("b");
    assertThat(split.get(1)).extracting(v -> v.getMetadata().getName()).containsExactly("a");
  }

  @Test
  void picksTheNodeWhoseMostImportantVictimHasTheLowestPriority() {
    // as the worked example on pickOne: n1 evicts one pod of 100, n2 two of 10 and 20 → n2
    FakeHandle h = FakeHandle.of(List.of(node("n1", "2"), node("n2", "2")),
        List.of(p("big", 100, "2", "n1"), p("s1", 10, "1", "n2"), p("s2", 20, "1", "n2"))).withFilterRunner(fit());
    RecordingDeleter deleter = new RecordingDeleter(h);
    PostFilterPlugin.Result r = new DefaultPreemption(h, deleter).postFilter(new CycleState(),
        pod("in").priority(1000).container("cpu", "2").build(), insufficientCpuOn("n1", "n2"));
    assertThat(r.status().isSuccess()).isTrue();
    assertThat(r.nominatedNodeName()).contains("n2");
    assertThat(deleter.prepared.get(0).victims()).extracting(v -> v.getMetadata().getName())
        .containsExactly("s2", "s1");
  }

  @Test
  void prefersFewerBudgetViolationsOverLowerPriorities() {
    FakeHandle h = FakeHandle.of(List.of(node("n1", "1"), node("n2", "1")), List.of(
        pod("guarded").label("app", "x").priority(1).container("cpu", "1").node("n1").build(),
        pod("free").priority(500).container("cpu", "1").node("n2").build()))
        .withObjects(pdb("x", 0)).withFilterRunner(fit());
    PostFilterPlugin.Result r = new DefaultPreemption(h, new RecordingDeleter(h)).postFilter(new CycleState(),
        pod("in").priority(1000).container("cpu", "1").build(), insufficientCpuOn("n1", "n2"));
    assertThat(r.nominatedNodeName()).contains("n2");
  }

  @Test
  void reportsNoVictimsWhenNothingHasALowerPriority() {
    FakeHandle h = FakeHandle.of(List.of(node("n1", "1"), node("n2", "1")),
        List.of(p("a", 1000, "1", "n1"), p("b", 1000, "1", "n2"))).withFilterRunner(fit());
    PostFilterPlugin.Result r = new DefaultPreemption(h, new RecordingDeleter(h)).postFilter(new CycleState(),
        pod("in").priority(1000).container("cpu", "1").build(), insufficientCpuOn("n1", "n2"));
    assertThat(r.status().isSuccess()).isFalse();
    assertThat(r.status().message())
        .isEqualTo("preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.");
    assertThat(r.nominatedNodeName()).contains("");
  }

  @Test
  void nodesRejectedForGoodAreNotHelped() {
    FakeHandle h = FakeHandle.of(List.of(node("n1", "1"), node("n2", "1")),
        List.of(p("a", 1, "1", "n1"))).withFilterRunner(fit());
    Map<String, Status> statuses = new HashMap<>();
    statuses.put("n1", Status.unschedulableAndUnresolvable("node(s) had untolerated taint {k: v}"));
    statuses.put("n2", Status.unschedulableAndUnresolvable("node(s) had untolerated taint {k: v}"));
    PostFilterPlugin.Result r = new DefaultPreemption(h, new RecordingDeleter(h)).postFilter(new CycleState(),
        pod("in").priority(1000).container("cpu", "1").build(), statuses);
    assertThat(r.status().message())
        .isEqualTo("preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.");
  }

  @Test
  void honoursPreemptionPolicyNever() {
    FakeHandle h = FakeHandle.of(List.of(node("n1", "1")), List.of(p("a", 1, "1", "n1"))).withFilterRunner(fit());
    RecordingDeleter deleter = new RecordingDeleter(h);
    PostFilterPlugin.Result r = new DefaultPreemption(h, deleter).postFilter(new CycleState(),
        pod("in").priority(1000).preemptionPolicy("Never").container("cpu", "1").build(), insufficientCpuOn("n1"));
    assertThat(r.status().message()).isEqualTo("preemption: not eligible due to preemptionPolicy=Never.");
    assertThat(r.nominatedNodeName()).isEqualTo(Optional.empty());
    assertThat(deleter.prepared).isEmpty();
  }

  @Test
  void waitsForATerminatingVictimOnTheNominatedNode() {
    Pod terminating = pod("victim").priority(1).container("cpu", "1").node("n1").terminating().build();
    terminating.getStatus().setConditions(List.of(new io.fabric8.kubernetes.api.model.PodConditionBuilder()
        .withType("DisruptionTarget").withStatus("True").withReason("PreemptionByScheduler").build()));
    FakeHandle h = FakeHandle.of(List.of(node("n1", "1")), List.of(terminating)).withFilterRunner(fit());
    Pod preemptor = pod("in").priority(1000).container("cpu", "1").build();
    preemptor.getStatus().setNominatedNodeName("n1");
    PostFilterPlugin.Result r = new DefaultPreemption(h, new RecordingDeleter(h)).postFilter(new CycleState(),
        preemptor, insufficientCpuOn("n1"));
    assertThat(r.status().message()).isEqualTo("preemption: not eligible due to a terminating pod on the nominated node.");
  }

  @Test
  void numberOfCandidatesIsTenPercentWithAFloorOfAHundred() {
    assertThat(DefaultPreemption.calculateNumCandidates(50)).isEqualTo(50);
    assertThat(DefaultPreemption.calculateNumCandidates(500)).isEqualTo(100);
    assertThat(DefaultPreemption.calculateNumCandidates(5000)).isEqualTo(500);
  }
}
