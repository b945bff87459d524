package io.kube4j.scheduler.plugins.interpodaffinity;

import static io.kube4j.scheduler.testing.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.scheduler.framework.Code;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.NodeScore;
import io.kube4j.scheduler.framework.PreFilterResult;
import io.kube4j.scheduler.framework.Status;
import io.kube4j.scheduler.testing.FakeHandle;
import io.kube4j.scheduler.testing.Nodes;
import io.kube4j.scheduler.testing.Pods;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases after upstream's {@code filtering_test.go} and {@code scoring_test.go}. */
class InterPodAffinityTest {

  static final String ZONE = "zone";
  static final String HOST = "kubernetes.io/hostname";
  static final String FITS = "fits";
  static final String AFFINITY = InterPodAffinity.ERR_REASON_AFFINITY_RULES_NOT_MATCH;
  static final String ANTI = InterPodAffinity.ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH;
  static final String EXISTING = InterPodAffinity.ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH;

  /** n1 and n2 in zone a, n3 in zone b. */
  static List<Node> nodes() {
    return List.of(node("n1", "a"), node("n2", "a"), node("n3", "b"));
  }

  static Node node(String name, String zone) {
    return Nodes.node(name).label(ZONE, zone).label(HOST, name).build();
  }

  record Case(String name, Pod pod, List<Pod> existing, Map<String, String> want) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Map<String, String> want(String n1, String n2, String n3) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("n1", n1);
    m.put("n2", n2);
    m.put("n3", n3);
    return m;
  }

  static Pod db(String node) {
    return pod("db-" + node).label("app", "db").node(node).build();
  }

  static Stream<Case> filterCases() {
    PodAffinityTerm otherNs = new PodAffinityTermBuilder().withTopologyKey(ZONE)
        .withLabelSelector(Pods.selector("app", "db")).withNamespaces("other").build();
    PodAffinityTerm teamA = new PodAffinityTermBuilder().withTopologyKey(ZONE)
        .withLabelSelector(Pods.selector("app", "db")).withNewNamespaceSelector().addToMatchLabels("team", "a")
        .endNamespaceSelector().build();
    return Stream.of(
        new Case("affinity to a zone holding a matching pod: the zone's nodes fit",
            pod("p").podAffinity(ZONE, "app", "db").build(), List.of(db("n1")), want(FITS, FITS, AFFINITY)),
        new Case("affinity whose matching pod is in another namespace: no node fits",
            pod("p").podAffinity(ZONE, "app", "db").build(),
            List.of(pod("db").namespace("other").label("app", "db").node("n1").build()),
            want(AFFINITY, AFFINITY, AFFINITY)),
        new Case("affinity naming the other namespace explicitly: zone a fits",
            pod("p").podAffinity(otherNs).build(),
            List.of(pod("db").namespace("other").label("app", "db").node("n1").build()), want(FITS, FITS, AFFINITY)),
        new Case("affinity with a namespaceSelector selecting team=a namespaces: zone a fits",
            pod("p").podAffinity(teamA).build(),
            List.of(pod("db").namespace("team-a-ns").label("app", "db").node("n1").build()), want(FITS, FITS, AFFINITY)),
        new Case("affinity no pod matches, but the pod matches itself: it may go first anywhere",
            pod("p").label("app", "db").podAffinity(ZONE, "app", "db").build(), List.of(), want(FITS, FITS, FITS)),
        new Case("affinity no pod matches and the pod does not match itself: nowhere",
            pod("p").podAffinity(ZONE, "app", "db").build(), List.of(), want(AFFINITY, AFFINITY, AFFINITY)),
        new Case("anti-affinity per host: only the node with the matching pod is rejected",
            pod("p").podAntiAffinity(HOST, "app", "db").build(), List.of(db("n1")), want(ANTI, FITS, FITS)),
        new Case("anti-affinity per zone: both nodes of the zone are rejected",
            pod("p").podAntiAffinity(ZONE, "app", "db").build(), List.of(db("n1")), want(ANTI, ANTI, FITS)),
        new Case("affinity and anti-affinity: zone a but not the host of the matching pod",
            pod("p").podAffinity(ZONE, "app", "db").podAntiAffinity(HOST, "app", "db").build(), List.of(db("n1")),
            want(ANTI, FITS, AFFINITY)),
        new Case("an existing pod's anti-affinity per zone keeps a matching pod out of its zone",
            pod("p").label("app", "web").build(),
            List.of(pod("e").podAntiAffinity(ZONE, "app", "web").node("n3").build()), want(FITS, FITS, EXISTING)),
        new Case("an existing pod's anti-affinity does not apply to a pod it does not match",
            pod("p").label("app", "api").build(),
            List.of(pod("e").podAntiAffinity(ZONE, "app", "web").node("n3").build()), want(FITS, FITS, FITS)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filterCases")
  void filtersOnRequiredTerms(Case c) {
    FakeHandle h = FakeHandle.of(nodes(), c.existing()).withObjects(
        new NamespaceBuilder().withNewMetadata().withName("team-a-ns").addToLabels("team", "a").endMetadata().build(),
        new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().build());
    InterPodAffinity pl = new InterPodAffinity(h, InterPodAffinityArgs.DEFAULT);
    CycleState state = new CycleState();
    // SKIP: nothing to check, the framework does not run Filter
    boolean skipped = pl.preFilter(state, c.pod()).status().code() == Code.SKIP;
    Map<String, String> got = new LinkedHashMap<>();
    for (String n : c.want().keySet()) {
      Status s = skipped ? Status.success() : pl.filter(state, c.pod(), h.node(n));
      got.put(n, s.isSuccess() ? FITS : s.message());
    }
    assertThat(got).isEqualTo(c.want());
  }

  @Test
  void affinityIsUnresolvableAndAntiAffinityResolvableByPreemption() {
    FakeHandle h = FakeHandle.of(nodes(), List.of(db("n1")));
    InterPodAffinity pl = new InterPodAffinity(h, InterPodAffinityArgs.DEFAULT);
    Pod p = pod("p").podAffinity(ZONE, "app", "db").podAntiAffinity(HOST, "app", "db").build();
    CycleState state = new CycleState();
    pl.preFilter(state, p);
    assertThat(pl.filter(state, p, h.node("n3")).code()).isEqualTo(Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
    assertThat(pl.filter(state, p, h.node("n1")).code()).isEqualTo(Code.UNSCHEDULABLE);
  }

  @Test
  void removingTheMatchingPodOnACopyLiftsTheAntiAffinity() {
    Pod victim = db("n1");
    FakeHandle h = FakeHandle.of(nodes(), List.of(victim));
    InterPodAffinity pl = new InterPodAffinity(h, InterPodAffinityArgs.DEFAULT);
    Pod p = pod("p").podAntiAffinity(HOST, "app", "db").build();
    CycleState state = new CycleState();
    pl.preFilter(state, p);
    CycleState copy = state.copy();
    pl.removePod(copy, p, victim, h.node("n1"));
    assertThat(pl.filter(copy, p, h.node("n1")).isSuccess()).isTrue();
    assertThat(pl.filter(state, p, h.node("n1")).isSuccess()).isFalse();
  }

  @Test
  void skipsPodsWithoutTermsWhenNoExistingPodHasAntiAffinity() {
    InterPodAffinity pl = new InterPodAffinity(FakeHandle.of(nodes(), List.of(db("n1"))), InterPodAffinityArgs.DEFAULT);
    PreFilterResult r = pl.preFilter(new CycleState(), pod("p").build());
    assertThat(r.status().code()).isEqualTo(Code.SKIP);
  }

  @Test
  void preferredWeightsAddUpPerDomain() {
    // zone a holds a db pod (on n1): affinity weight 5 per zone gives n1, n2 +5; anti-affinity weight 3
    // per host gives n1 -3. Raw [2, 5, 0] → min-max [40, 100, 0]
    Pod p = pod("p").preferredPodAffinity(5, ZONE, "app", "db").preferredPodAntiAffinity(3, HOST, "app", "db").build();
    assertThat(scores(FakeHandle.of(nodes(), List.of(db("n1"))), p))
        .containsExactly(new NodeScore("n1", 40), new NodeScore("n2", 100), new NodeScore("n3", 0));
  }

  @Test
  void anExistingPodsRequiredAffinityToTheIncomingPodAttractsIt() {
    // the pod on n3 requires app=web in its zone: hardPodAffinityWeight 1 for zone b → [0, 0, 100]
    Pod existing = pod("e").podAffinity(ZONE, "app", "web").node("n3").build();
    assertThat(scores(FakeHandle.of(nodes(), List.of(existing)), pod("p").label("app", "web").build()))
        .containsExactly(new NodeScore("n1", 0), new NodeScore("n2", 0), new NodeScore("n3", 100));
  }

  @Test
  void anExistingPodsPreferredAntiAffinityRepelsTheIncomingPod() {
    // n1's pod prefers (weight 10) no app=web on its host: raw [-10, 0, 0] → [0, 100, 100]
    Pod existing = pod("e").preferredPodAntiAffinity(10, HOST, "app", "web").node("n1").build();
    assertThat(scores(FakeHandle.of(nodes(), List.of(existing)), pod("p").label("app", "web").build()))
        .containsExactly(new NodeScore("n1", 0), new NodeScore("n2", 100), new NodeScore("n3", 100));
  }

  private static List<NodeScore> scores(FakeHandle h, Pod p) {
    InterPodAffinity pl = new InterPodAffinity(h, InterPodAffinityArgs.DEFAULT);
    CycleState state = new CycleState();
    assertThat(pl.preScore(state, p, h.snapshotNodes()).isSuccess()).isTrue();
    List<NodeScore> raw = h.snapshotNodes().stream().map(n -> new NodeScore(n.name(), pl.score(state, p, n))).toList();
    return pl.normalizeScore(state, p, raw);
  }
}
