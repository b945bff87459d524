package io.kube4j.agent.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PodWorkersTest {

  /** Records the syncs; the executor is a queue the test runs by hand. */
  private final List<String> calls = new ArrayList<>();
  private final List<Runnable> queued = new ArrayList<>();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private boolean terminal;

  private final PodSyncer syncer = new PodSyncer() {
    @Override
    public boolean syncPod(Pod pod) {
      calls.add("sync " + pod.getMetadata().getResourceVersion());
      return terminal;
    }

    @Override
    public void syncTerminatingPod(Pod pod, Duration gracePeriod) {
      calls.add("terminating " + gracePeriod.toSeconds() + "s");
    }

    @Override
    public void syncTerminatedPod(Pod pod) {
      calls.add("terminated");
    }

    @Override
    public void forgetPod(Pod pod) {
      calls.add("forget");
    }
  };

  private final PodWorkers workers = new PodWorkers(syncer, queued::add, timers, Duration.ofSeconds(1));

  @AfterEach
  void stop() {
    timers.shutdownNow();
  }

  private static Pod pod(String version) {
    return new PodBuilder().withNewMetadata().withName("p").withNamespace("ns").withUid("u")
        .withResourceVersion(version).endMetadata().withNewSpec().withTerminationGracePeriodSeconds(7L).endSpec().build();
  }

  private void runQueued() {
    while (!queued.isEmpty()) {
      queued.remove(0).run();
    }
  }

  @Test
  void updatesThatArriveBeforeTheWorkerRunsCollapseIntoTheLatest() {
    workers.updatePod(pod("1"));
    workers.updatePod(pod("2"));
    workers.updatePod(pod("3"));

    assertThat(queued).hasSize(1);  // one task per pod at a time
    runQueued();
    assertThat(calls).containsExactly("sync 3");
  }

  @Test
  void aDeletedPodIsStoppedWithItsGracePeriodThenFinallyDeleted() {
    workers.updatePod(pod("1"));
    runQueued();
    Pod deleting = new PodBuilder(pod("2")).editMetadata().withDeletionTimestamp("2026-01-01T00:00:00Z")
        .withDeletionGracePeriodSeconds(5L).endMetadata().build();
    workers.updatePod(deleting);
    runQueued();
    workers.updatePod(deleting);
    runQueued();

    assertThat(calls).containsExactly("sync 1", "terminating 5s", "terminated");
    assertThat(workers.activePods()).isEmpty();
  }

  @Test
  void aPodThatFinishedIsStoppedOnceAndNeverSyncedAgain() {
    terminal = true;
    workers.updatePod(pod("1"));
    runQueued();
    workers.updatePod(pod("2"));
    runQueued();

    assertThat(calls).containsExactly("sync 1", "terminating 0s");
  }

  @Test
  void aPodGoneFromTheApiIsForgotten() {
    workers.updatePod(pod("1"));
    runQueued();
    workers.removePod(pod("1"));
    runQueued();

    assertThat(calls).containsExactly("sync 1", "forget");
    assertThat(workers.isKnown("u")).isFalse();
  }

  @Test
  void aRejectedPodIsNeverSyncedButIsFinallyDeleted() {
    workers.rejected(pod("1"));
    assertThat(workers.activePods()).isEmpty();
    workers.updatePod(new PodBuilder(pod("2")).editMetadata().withDeletionTimestamp("2026-01-01T00:00:00Z")
        .endMetadata().build());
    runQueued();

    assertThat(calls).containsExactly("terminated");
  }
}
