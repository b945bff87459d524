package io.kube4j.agent.runtime.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kube4j.agent.runtime.ContainerState;
import io.kube4j.agent.runtime.PodLifecycleEvent;
import io.kube4j.agent.runtime.PodStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedRuntimeTest {

  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final SimulatedRuntime runtime = new SimulatedRuntime(() -> "10.244.3.0/24",
      new CrashLoopBackOff(Duration.ofMillis(10), Duration.ofMillis(40)), timers, io.kube4j.agent.events.EventRecorder.NONE,
      Clock.systemUTC());

  @AfterEach
  void stop() {
    timers.shutdownNow();
  }

  private static Pod pod(String uid, String restartPolicy, Map<String, String> annotations) {
    return new PodBuilder().withNewMetadata().withName("p").withNamespace("ns").withUid(uid)
        .withAnnotations(annotations).endMetadata().withNewSpec().withRestartPolicy(restartPolicy)
        .addNewInitContainer().withName("init").withImage("busybox").endInitContainer()
        .addNewContainer().withName("app").withImage("nginx:1.25").endContainer().endSpec().build();
  }

  @Test
  void completesInitContainersThenRunsAppContainersWithAnIpFromThePodCidr() {
    Pod pod = pod("u1", "Always", Map.of());
    PodStatus status = runtime.syncPod(pod, runtime.podStatus(pod));
    assertThat(status.ips()).containsExactly("10.244.3.2");
    assertThat(status.sandboxReady()).isTrue();
    assertThat(status.container("init").orElseThrow().state()).isEqualTo(ContainerState.EXITED);
    assertThat(status.container("init").orElseThrow().reason()).isEqualTo("Completed");
    assertThat(status.container("app").orElseThrow().state()).isEqualTo(ContainerState.RUNNING);
    assertThat(status.container("app").orElseThrow().imageId()).startsWith("docker.io/library/nginx@sha256:");
  }

  @Test
  void exitsOnDemandAndReportsTheDeath() throws Exception {
    List<PodLifecycleEvent> events = new CopyOnWriteArrayList<>();
    runtime.watch(events::add);
    Pod pod = pod("u2", "Never", Map.of(SimulatedBehaviour.EXIT_CODE, "2"));
    runtime.syncPod(pod, runtime.podStatus(pod));
    timers.submit(() -> { }).get();  // the exit timer (delay 0) ran before this task
    assertThat(events).extracting(PodLifecycleEvent::type).containsExactly(PodLifecycleEvent.Type.CONTAINER_DIED);
    var app = runtime.podStatus(pod).container("app").orElseThrow();
    assertThat(app.state()).isEqualTo(ContainerState.EXITED);
    assertThat(app.exitCode()).isEqualTo(2);
    assertThat(app.reason()).isEqualTo("Error");
    // restartPolicy Never: another sync leaves it exited
    assertThat(runtime.syncPod(pod, runtime.podStatus(pod)).container("app").orElseThrow().restartCount()).isZero();
  }

  @Test
  void restartsAnExitedContainerAfterItsBackOff() throws Exception {
    Pod pod = pod("u3", "Always", Map.of(SimulatedBehaviour.EXIT_CODE, "1", SimulatedBehaviour.EXIT_AFTER, "1h"));
    runtime.syncPod(pod, runtime.podStatus(pod));
    runtime.killPod(pod, Duration.ZERO);
    PodStatus waiting = runtime.syncPod(pod, runtime.podStatus(pod));
    assertThat(waiting.container("app").orElseThrow().waitingUntil()).isPresent();
    // the back-off is 10 ms: a sync after it has passed starts the container again
    io.kube4j.apiserver.testing.Conditions.await("restart after the back-off", Duration.ofSeconds(5),
        () -> runtime.syncPod(pod, runtime.podStatus(pod)).container("app").orElseThrow().restartCount() == 1);
    PodStatus restarted = runtime.podStatus(pod);
    assertThat(restarted.container("app").orElseThrow().restartCount()).isEqualTo(1);
    assertThat(restarted.previous("app").orElseThrow().state()).isEqualTo(ContainerState.EXITED);
  }

  @Test
  void removingAPodFreesItsIp() {
    Pod a = pod("a", "Always", Map.of());
    runtime.syncPod(a, runtime.podStatus(a));
    runtime.removePod("a");
    assertThat(runtime.podCount()).isZero();
    assertThat(runtime.podStatus(a).containers()).isEmpty();
  }

  @Test
  void backOffDoublesUpToItsCap() {
    assertThat(List.of(0, 1, 2, 3, 4, 5, 9).stream().map(CrashLoopBackOff.KUBELET::delay).map(Duration::toSeconds))
        .containsExactly(10L, 20L, 40L, 80L, 160L, 300L, 300L);
  }

  @Test
  void allocatorSkipsNetworkAndGatewayAndWraps() {
    PodIpAllocator ips = new PodIpAllocator("10.1.0.0/30");
    assertThat(ips.allocate()).isEqualTo("10.1.0.2");
    ips.release("10.1.0.2");
    assertThat(ips.allocate()).isEqualTo("10.1.0.2");
  }
}
