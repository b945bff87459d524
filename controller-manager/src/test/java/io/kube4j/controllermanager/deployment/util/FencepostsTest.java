package io.kube4j.controllermanager.deployment.util;

import static io.kube4j.controllermanager.deployment.util.Deployments.intOrString;
import static io.kube4j.controllermanager.deployment.util.Deployments.replicaSet;
import static io.kube4j.controllermanager.deployment.util.Deployments.rolling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** maxSurge/maxUnavailable rounding, the new ReplicaSet's size, and proportional scaling, with upstream's examples. */
class FencepostsTest {

  record Fence(String name, Object maxSurge, Object maxUnavailable, int desired, int surge, int unavailable) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Fence> fenceposts() {
    return Stream.of(
        new Fence("0%/0% of 0: unavailable becomes 1", "0%", "0%", 0, 0, 1),
        new Fence("39%/39% of 10: surge rounds up, unavailable down", "39%", "39%", 10, 4, 3),
        new Fence("25%/25% of 10", "25%", "25%", 10, 3, 2),
        new Fence("25%/25% of 1", "25%", "25%", 1, 1, 0),
        new Fence("1%/0 of 2: surge of a tiny percentage is 1", "1%", 0, 2, 1, 0),
        new Fence("0/1% of 2: 1% unavailable rounds to 0, then becomes 1", 0, "1%", 2, 0, 1),
        new Fence("ints as they are", 3, 2, 10, 3, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fenceposts")
  void resolvesFenceposts(Fence f) {
    var resolved = Fenceposts.resolve(intOrString(f.maxSurge()), intOrString(f.maxUnavailable()), f.desired());
    assertThat(resolved.maxSurge()).isEqualTo(f.surge());
    assertThat(resolved.maxUnavailable()).isEqualTo(f.unavailable());
  }

  @Test
  void rejectsAStringThatIsNotAPercentage() {
    assertThatThrownBy(() -> Fenceposts.resolve(intOrString("oops"), intOrString("1%"), 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void maxUnavailableIsNeverMoreThanTheReplicas() {
    assertThat(Fenceposts.maxUnavailable(rolling(2, 0, 5))).isEqualTo(2);
    assertThat(Fenceposts.maxUnavailable(rolling(0, 0, 5))).isZero();
  }

  record NewReplicas(String name, int replicas, int maxSurge, int oldReplicas, int newReplicas, int expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<NewReplicas> newReplicas() {
    return Stream.of(
        new NewReplicas("first step of 10 with maxSurge 3", 10, 3, 10, 0, 3),
        new NewReplicas("after old scaled down to 8", 10, 3, 8, 3, 5),
        new NewReplicas("no room above replicas + maxSurge", 10, 3, 10, 3, 3),
        new NewReplicas("never more than replicas", 1, 5, 0, 0, 1),
        new NewReplicas("maxSurge 0: waits for old pods to go", 4, 0, 4, 0, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("newReplicas")
  void sizesTheNewReplicaSet(NewReplicas c) {
    Deployment d = rolling(c.replicas(), c.maxSurge(), 1);
    ReplicaSet newRS = replicaSet("new", c.newReplicas(), 2, 0);
    List<ReplicaSet> all = List.of(replicaSet("old", c.oldReplicas(), 1, 0), newRS);
    assertThat(Fenceposts.newRSNewReplicas(d, all, newRS)).isEqualTo(c.expected());
  }

  @Test
  void recreateSizesTheNewReplicaSetToReplicas() {
    Deployment d = rolling(5, 1, 1);
    d.getSpec().getStrategy().setType("Recreate");
    assertThat(Fenceposts.newRSNewReplicas(d, List.of(), replicaSet("new", 0, 1, 0))).isEqualTo(5);
  }

  /** The worked example of {@code replicaSetFraction}: 10 → 20 mid-rollout, maxSurge 3 → 5. */
  @Test
  void scalingUpMidRolloutSharesInProportion() {
    Deployment d = rolling(20, 5, 0);
    var sizes = Fenceposts.proportionalSizes(d, List.of(replicaSet("old", 8, 1, 13), replicaSet("new", 5, 2, 13)));
    assertThat(sizes).containsExactly(java.util.Map.entry("old", 15), java.util.Map.entry("new", 10));
  }

  /** 10 → 5 mid-rollout with maxSurge 3 (13 → 8): old 8·8/13 = 4.9 → 5, new 5·8/13 = 3.1 → 3. */
  @Test
  void scalingDownMidRolloutSharesInProportion() {
    Deployment d = rolling(5, 3, 0);
    var sizes = Fenceposts.proportionalSizes(d, List.of(replicaSet("new", 5, 2, 13), replicaSet("old", 8, 1, 13)));
    assertThat(sizes).containsExactly(java.util.Map.entry("old", 5), java.util.Map.entry("new", 3));
  }

  /**
   * Three ReplicaSets of 3 (replicas 8, maxSurge 1, so 9) scaled to 10 (11): each share rounds
   * 3·11/9 = 3.7 to 4, but only 2 may be added: the newest gets 1, the next 1, the oldest none.
   */
  @Test
  void sharesNeverExceedWhatMayBeAddedAndNewerGoFirst() {
    Deployment d = rolling(10, 1, 0);
    var sizes = Fenceposts.proportionalSizes(d, List.of(replicaSet("a", 3, 1, 9), replicaSet("b", 3, 2, 9),
        replicaSet("c", 3, 3, 9)));
    assertThat(sizes).containsExactly(java.util.Map.entry("c", 4), java.util.Map.entry("b", 4),
        java.util.Map.entry("a", 3));
  }

  @Test
  void scalingToZeroTakesEverything() {
    Deployment d = rolling(0, 1, 0);
    var sizes = Fenceposts.proportionalSizes(d, List.of(replicaSet("a", 3, 1, 9), replicaSet("b", 2, 2, 9)));
    assertThat(sizes.values()).containsOnly(0);
  }

  @Test
  void aNewReplicaSetIsSaturatedWhenItHasAndWasToldAllReplicas() {
    Deployment d = rolling(5, 1, 0);
    ReplicaSet rs = replicaSet("new", 5, 1, 0);
    assertThat(Fenceposts.isSaturated(d, rs)).isFalse();
    Revisions.setReplicasAnnotations(rs, 5, 6);
    assertThat(Fenceposts.isSaturated(d, rs)).isTrue();
    rs.getSpec().setReplicas(4);
    assertThat(Fenceposts.isSaturated(d, rs)).isFalse();
  }
}
