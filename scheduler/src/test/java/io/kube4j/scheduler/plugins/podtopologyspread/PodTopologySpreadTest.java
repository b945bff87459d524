package io.kube4j.scheduler.plugins.podtopologyspread;

import static io.kube4j.scheduler.testing.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.kube4j.scheduler.framework.Code;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.NodeScore;
import io.kube4j.scheduler.framework.PreFilterResult;
import io.kube4j.scheduler.testing.FakeHandle;
import io.kube4j.scheduler.testing.Nodes;
import io.kube4j.scheduler.testing.Pods;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases after upstream's {@code filtering_test.go} and {@code scoring_test.go}. */
class PodTopologySpreadTest {

  static final String ZONE = "topology.kubernetes.io/zone";
  static final String HOST = "kubernetes.io/hostname";
  static final String FITS = "fits";
  static final String SKEW = PodTopologySpread.ERR_REASON_CONSTRAINTS_NOT_MATCH;
  static final String LABEL = PodTopologySpread.ERR_REASON_NODE_LABEL_NOT_MATCH;

  /** node-a, node-b in zone1; node-x, node-y in zone2. */
  static List<Node> fourNodes() {
    return List.of(node("node-a", "zone1"), node("node-b", "zone1"), node("node-x", "zone2"), node("node-y", "zone2"));
  }

  static Node node(String name, String zone) {
    Nodes n = Nodes.node(name).label(HOST, name);
    return (zone == null ? n : n.label(ZONE, zone)).build();
  }

  /** {@code count} pods labelled foo=bar on the node. */
  static List<Pod> foo(String nodeName, int count) {
    List<Pod> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(pod(nodeName + "-p" + i).label("foo", "bar").node(nodeName).build());
    }
    return out;
  }

  @SafeVarargs
  static List<Pod> all(List<Pod>... lists) {
    return Stream.of(lists).flatMap(List::stream).toList();
  }

  record FilterCase(String name, Pod pod, List<Node> nodes, List<Pod> existing, Map<String, String> want) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Map<String, String> want(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  static Pods incoming() {
    return pod("p").label("foo", "bar");
  }

  static Stream<FilterCase> filterCases() {
    return Stream.of(
        new FilterCase("no existing pods: every node fits",
            incoming().spreadConstraint(1, ZONE, "DoNotSchedule", "foo", "bar").build(), fourNodes(), List.of(),
            want("node-a", FITS, "node-b", FITS, "node-x", FITS, "node-y", FITS)),
        new FilterCase("pods in another namespace are not counted",
            incoming().spreadConstraint(1, ZONE, "DoNotSchedule", "foo", "bar").build(), fourNodes(),
            List.of(pod("other").namespace("ns1").label("foo", "bar").node("node-a").build()),
            want("node-a", FITS, "node-b", FITS, "node-x", FITS, "node-y", FITS)),
        new FilterCase("zones at 3/3: every node fits",
            incoming().spreadConstraint(1, ZONE, "DoNotSchedule", "foo", "bar").build(), fourNodes(),
            all(foo("node-a", 2), foo("node-b", 1), foo("node-x", 3)),
            want("node-a", FITS, "node-b", FITS, "node-x", FITS, "node-y", FITS)),
        new FilterCase("zones at 1/2 (node-b has no zone label): only zone1 fits, node-b unresolvable",
            incoming().spreadConstraint(1, ZONE, "DoNotSchedule", "foo", "bar").build(),
            List.of(node("node-a", "zone1"), node("node-b", null), node("node-x", "zone2"), node("node-y", "zone2")),
            all(foo("node-a", 1), foo("node-b", 1), foo("node-x", 1), foo("node-y", 1)),
            want("node-a", FITS, "node-b", LABEL, "node-x", SKEW, "node-y", SKEW)),
        new FilterCase("nodes at 2/1/0/3, maxSkew 1: only node-x fits",
            incoming().spreadConstraint(1, HOST, "DoNotSchedule", "foo", "bar").build(), fourNodes(),
            all(foo("node-a", 2), foo("node-b", 1), foo("node-y", 3)),
            want("node-a", SKEW, "node-b", SKEW, "node-x", FITS, "node-y", SKEW)),
        new FilterCase("nodes at 2/1/0/3, maxSkew 2: node-b and node-x fit",
            incoming().spreadConstraint(2, HOST, "DoNotSchedule", "foo", "bar").build(), fourNodes(),
            all(foo("node-a", 2), foo("node-b", 1), foo("node-y", 3)),
            want("node-a", SKEW, "node-b", FITS, "node-x", FITS, "node-y", SKEW)),
        new FilterCase("nodes at 2/1/0/3, the pod does not match itself: node-b and node-x fit",
            pod("p").label("foo", "other").spreadConstraint(1, HOST, "DoNotSchedule", "foo", "bar").build(),
            fourNodes(), all(foo("node-a", 2), foo("node-b", 1), foo("node-y", 3)),
            want("node-a", SKEW, "node-b", FITS, "node-x", FITS, "node-y", SKEW)),
        new FilterCase("terminating pods are not counted",
            incoming().spreadConstraint(1, HOST, "DoNotSchedule", "foo", "bar").build(), fourNodes(),
            List.of(pod("t").label("foo", "bar").node("node-a").terminating().build()),
            want("node-a", FITS, "node-b", FITS, "node-x", FITS, "node-y", FITS)),
        new FilterCase("minDomains 3 with two zones at 1/1: the minimum counts as 0, nothing fits",
            incoming().spreadConstraint(new TopologySpreadConstraintBuilder().withMaxSkew(1).withTopologyKey(ZONE)
                .withWhenUnsatisfiable("DoNotSchedule").withMinDomains(3).withLabelSelector(Pods.selector("foo", "bar"))
                .build()).build(), fourNodes(), all(foo("node-a", 1), foo("node-x", 1)),
            want("node-a", SKEW, "node-b", SKEW, "node-x", SKEW, "node-y", SKEW)),
        new FilterCase("nodeAffinityPolicy Honor: zone2 (not selectable) is no domain, zone1 at 1 is the minimum",
            incoming().nodeSelector(ZONE, "zone1").spreadConstraint(1, ZONE, "DoNotSchedule", "foo", "bar").build(),
            fourNodes(), all(foo("node-a", 1)),
            want("node-a", FITS, "node-b", FITS)),
        new FilterCase("nodeAffinityPolicy Ignore: zone2 at 0 is the minimum, zone1 at 1 is skewed",
            incoming().nodeSelector(ZONE, "zone1").spreadConstraint(new TopologySpreadConstraintBuilder().withMaxSkew(1)
                .withTopologyKey(ZONE).withWhenUnsatisfiable("DoNotSchedule").withNodeAffinityPolicy("Ignore")
                .withLabelSelector(Pods.selector("foo", "bar")).build()).build(),
            fourNodes(), all(foo("node-a", 1)),
            want("node-a", SKEW, "node-b", SKEW)),
        new FilterCase("nodeTaintsPolicy Honor: the tainted zone2 is no domain",
            incoming().spreadConstraint(new TopologySpreadConstraintBuilder().withMaxSkew(1).withTopologyKey(ZONE)
                .withWhenUnsatisfiable("DoNotSchedule").withNodeTaintsPolicy("Honor")
                .withLabelSelector(Pods.selector("foo", "bar")).build()).build(),
            List.of(node("node-a", "zone1"), Nodes.node("node-x").label(ZONE, "zone2").taint("k", "v", "NoSchedule").build()),
            all(foo("node-a", 1)),
            want("node-a", FITS)),
        new FilterCase("matchLabelKeys: pods of another revision are not counted",
            pod("p").label("foo", "bar").label("rev", "2").spreadConstraint(new TopologySpreadConstraintBuilder()
                .withMaxSkew(1).withTopologyKey(HOST).withWhenUnsatisfiable("DoNotSchedule")
                .withLabelSelector(Pods.selector("foo", "bar")).withMatchLabelKeys("rev").build()).build(),
            fourNodes(), all(foo("node-a", 2)),
            want("node-a", FITS, "node-b", FITS, "node-x", FITS, "node-y", FITS)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filterCases")
  void filtersOnHardConstraints(FilterCase c) {
    FakeHandle h = FakeHandle.of(c.nodes(), c.existing());
    PodTopologySpread pl = new PodTopologySpread(h, PodTopologySpreadArgs.DEFAULT);
    CycleState state = new CycleState();
    assertThat(pl.preFilter(state, c.pod()).status().isSuccess()).isTrue();
    Map<String, String> got = new LinkedHashMap<>();
    c.want().keySet().forEach(n -> {
      var s = pl.filter(state, c.pod(), h.node(n));
      got.put(n, s.isSuccess() ? FITS : s.message());
    });
    assertThat(got).isEqualTo(c.want());
  }

  @Test
  void aMissingLabelIsUnresolvableAndSkewOnlyUnschedulable() {
    FakeHandle h = FakeHandle.of(List.of(node("node-a", "zone1"), node("node-b", null), node("node-x", "zone2")),
        all(foo("node-a", 1)));
    PodTopologySpread pl = new PodTopologySpread(h, PodTopologySpreadArgs.DEFAULT);
    Pod p = incoming().spreadConstraint(1, ZONE, "DoNotSchedule", "foo", "bar").build();
    CycleState state = new CycleState();
    pl.preFilter(state, p);
    assertThat(pl.filter(state, p, h.node("node-b")).code()).isEqualTo(Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
    assertThat(pl.filter(state, p, h.node("node-a")).code()).isEqualTo(Code.UNSCHEDULABLE);
  }

  @Test
  void skipsPodsWithoutHardConstraints() {
    PodTopologySpread pl = new PodTopologySpread(FakeHandle.of(fourNodes(), List.of()), PodTopologySpreadArgs.DEFAULT);
    PreFilterResult r = pl.preFilter(new CycleState(), incoming().build());
    assertThat(r.status().code()).isEqualTo(Code.SKIP);
  }

  @Test
  void removingAVictimOnACopyLowersItsDomainOnly() {
    // nodes at 2/1/0/3: after removing one pod from node-a on a copy, node-a (1 + 1 - 0) still fails
    // but the original state is unchanged; removing the second makes node-a fit on the copy
    List<Pod> aPods = foo("node-a", 2);
    FakeHandle h = FakeHandle.of(fourNodes(), all(aPods, foo("node-b", 1), foo("node-y", 3)));
    PodTopologySpread pl = new PodTopologySpread(h, PodTopologySpreadArgs.DEFAULT);
    Pod p = incoming().spreadConstraint(1, HOST, "DoNotSchedule", "foo", "bar").build();
    CycleState state = new CycleState();
    pl.preFilter(state, p);
    CycleState copy = state.copy();
    NodeInfo a = h.node("node-a");
    pl.removePod(copy, p, aPods.get(0), a);
    assertThat(pl.filter(copy, p, a).isSuccess()).isFalse();
    pl.removePod(copy, p, aPods.get(1), a);
    assertThat(pl.filter(copy, p, a).isSuccess()).isTrue();
    assertThat(pl.filter(state, p, a).isSuccess()).isFalse();
  }

  @Test
  void scoresFewerMatchingPodsHigher() {
    // hostname, maxSkew 1, four feasible nodes: weight ln(6) = 1.79; raw 2→4, 1→2, 0→0, 3→5;
    // normalised 100 * (5 + 0 - raw) / 5 = [20, 60, 100, 0], as upstream's "one constraint on node"
    FakeHandle h = FakeHandle.of(fourNodes(), all(foo("node-a", 2), foo("node-b", 1), foo("node-y", 3)));
    Pod p = incoming().spreadConstraint(1, HOST, "ScheduleAnyway", "foo", "bar").build();
    assertThat(scores(h, p, PodTopologySpreadArgs.DEFAULT))
        .containsExactly(new NodeScore("node-a", 20), new NodeScore("node-b", 60), new NodeScore("node-x", 100),
            new NodeScore("node-y", 0));
  }

  @Test
  void scoresZonesByTheirMatchingPods() {
    // zone, maxSkew 1, two zones: weight ln(4) = 1.39; zone1 holds 3 → 4.16 → 4, zone2 holds 1 → 1;
    // normalised [100 * 1 / 4, 100 * 4 / 4] = [25, 100]
    FakeHandle h = FakeHandle.of(fourNodes(), all(foo("node-a", 2), foo("node-b", 1), foo("node-y", 1)));
    Pod p = incoming().spreadConstraint(1, ZONE, "ScheduleAnyway", "foo", "bar").build();
    assertThat(scores(h, p, PodTopologySpreadArgs.DEFAULT))
        .containsExactly(new NodeScore("node-a", 25), new NodeScore("node-b", 25), new NodeScore("node-x", 100),
            new NodeScore("node-y", 100));
  }

  @Test
  void systemDefaultsSpreadAReplicaSetsPodsSelectedByItAndItsService() {
    // no constraints of its own: zone (maxSkew 5) and hostname (maxSkew 3) with the RS's and Service's
    // selector. zone1 holds 2 matching pods, zone2 0; node-a holds 2.
    // zone weight ln(4) = 1.386, hostname weight ln(6) = 1.792:
    // node-a = 2 * 1.386 + 4 + 2 * 1.792 + 2 = 12.36 → 12; node-b = 2.77 + 4 + 0 + 2 = 8.77 → 9;
    // node-x, node-y = 0 + 4 + 0 + 2 = 6. Normalised 100 * (12 + 6 - raw) / 12: [50, 75, 100, 100]
    FakeHandle h = FakeHandle.of(fourNodes(), List.of(
        pod("w1").label("app", "web").label("hash", "1").node("node-a").build(),
        pod("w2").label("app", "web").label("hash", "1").node("node-a").build(),
        pod("other").label("app", "db").node("node-b").build()));
    h.withObjects(new ServiceBuilder().withNewMetadata().withName("web").withNamespace("default").endMetadata()
            .withNewSpec().withSelector(Map.of("app", "web")).endSpec().build(),
        new ReplicaSetBuilder().withNewMetadata().withName("web-1").withNamespace("default").endMetadata()
            .withNewSpec().withSelector(Pods.selector("app", "web", "hash", "1")).endSpec().build());
    Pod p = pod("w3").label("app", "web").label("hash", "1").owner("apps/v1", "ReplicaSet", "web-1").build();
    assertThat(scores(h, p, PodTopologySpreadArgs.DEFAULT))
        .containsExactly(new NodeScore("node-a", 50), new NodeScore("node-b", 75), new NodeScore("node-x", 100),
            new NodeScore("node-y", 100));
  }

  @Test
  void noDefaultSpreadingForAPodWithoutServiceOrController() {
    PodTopologySpread pl = new PodTopologySpread(FakeHandle.of(fourNodes(), List.of()), PodTopologySpreadArgs.DEFAULT);
    Pod p = pod("lonely").label("app", "web").build();
    assertThat(pl.preScore(new CycleState(), p, FakeHandle.of(fourNodes(), List.of()).snapshotNodes()).code())
        .isEqualTo(Code.SKIP);
  }

  private static List<NodeScore> scores(FakeHandle h, Pod p, PodTopologySpreadArgs args) {
    PodTopologySpread pl = new PodTopologySpread(h, args);
    CycleState state = new CycleState();
    assertThat(pl.preScore(state, p, h.snapshotNodes()).isSuccess()).isTrue();
    List<NodeScore> raw = h.snapshotNodes().stream().map(n -> new NodeScore(n.name(), pl.score(state, p, n))).toList();
    return pl.normalizeScore(state, p, raw);
  }
}
