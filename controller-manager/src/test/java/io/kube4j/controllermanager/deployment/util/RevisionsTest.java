package io.kube4j.controllermanager.deployment.util;

import static io.kube4j.controllermanager.deployment.util.Deployments.replicaSet;
import static io.kube4j.controllermanager.deployment.util.Deployments.rolling;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevisionsTest {

  @Test
  void aNewReplicaSetGetsTheNextRevisionTheDeploymentsAnnotationsAndItsReplicas() {
    Deployment d = rolling(4, "25%", "25%");
    d.getMetadata().setAnnotations(new HashMap<>(Map.of("team", "a", Revisions.REVISION, "7",
        Revisions.LAST_APPLIED, "{}")));
    ReplicaSet rs = replicaSet("new", 0, 1, 0);

    assertThat(Revisions.setNewReplicaSetAnnotations(d, rs, "3", false, 2000)).isTrue();

    assertThat(rs.getMetadata().getAnnotations()).containsEntry("team", "a").containsEntry(Revisions.REVISION, "3")
        .containsEntry(Revisions.DESIRED_REPLICAS, "4").containsEntry(Revisions.MAX_REPLICAS, "5")
        .doesNotContainKey(Revisions.LAST_APPLIED).doesNotContainKey(Revisions.REVISION_HISTORY);
  }

  /** The worked example: revision 1 rolled back to at 4, then again at 7. */
  @Test
  void aReplicaSetRolledBackToKeepsItsEarlierRevisions() {
    Deployment d = rolling(1, 1, 0);
    ReplicaSet rs = replicaSet("old", 0, 1, 0);
    rs.getMetadata().setAnnotations(new HashMap<>(Map.of(Revisions.REVISION, "1")));

    Revisions.setNewReplicaSetAnnotations(d, rs, "4", true, 2000);
    assertThat(rs.getMetadata().getAnnotations()).containsEntry(Revisions.REVISION, "4")
        .containsEntry(Revisions.REVISION_HISTORY, "1");
    Revisions.setNewReplicaSetAnnotations(d, rs, "7", true, 2000);
    assertThat(rs.getMetadata().getAnnotations()).containsEntry(Revisions.REVISION, "7")
        .containsEntry(Revisions.REVISION_HISTORY, "1,4");
    // an existing ReplicaSet's replicas annotations are left to scaling
    assertThat(rs.getMetadata().getAnnotations()).doesNotContainKey(Revisions.DESIRED_REPLICAS);
  }

  @Test
  void theHistoryDropsItsOldestEntriesBeyondTheLimit() {
    Deployment d = rolling(1, 1, 0);
    ReplicaSet rs = replicaSet("old", 0, 1, 0);
    rs.getMetadata().setAnnotations(new HashMap<>(Map.of(Revisions.REVISION, "30",
        Revisions.REVISION_HISTORY, "10,20")));

    Revisions.setNewReplicaSetAnnotations(d, rs, "40", true, 6);

    // "10,20,30" is 8 characters; dropping "10" leaves "20,30"
    assertThat(rs.getMetadata().getAnnotations()).containsEntry(Revisions.REVISION_HISTORY, "20,30");
  }

  @Test
  void aLowerRevisionNeverReplacesAHigherOne() {
    Deployment d = rolling(1, 1, 0);
    ReplicaSet rs = replicaSet("new", 0, 1, 0);
    rs.getMetadata().setAnnotations(new HashMap<>(Map.of(Revisions.REVISION, "5")));
    assertThat(Revisions.setNewReplicaSetAnnotations(d, rs, "3", true, 2000)).isFalse();
    assertThat(rs.getMetadata().getAnnotations()).containsEntry(Revisions.REVISION, "5");
  }

  @Test
  void maxRevisionSkipsUnparsableRevisions() {
    ReplicaSet a = replicaSet("a", 0, 1, 0);
    a.getMetadata().setAnnotations(new HashMap<>(Map.of(Revisions.REVISION, "3")));
    ReplicaSet b = replicaSet("b", 0, 2, 0);
    b.getMetadata().setAnnotations(new HashMap<>(Map.of(Revisions.REVISION, "x")));
    assertThat(Revisions.maxRevision(List.of(a, b, replicaSet("c", 0, 3, 0)))).isEqualTo(3);
  }
}
