package io.kube4j.agent.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PodPhaseTest {

  record Case(String name, String restartPolicy, List<ContainerStatus> app, boolean terminal, String phase) {
    @Override
    public String toString() {
      return name;
    }
  }

  static ContainerStatus running() {
    return new ContainerStatusBuilder().withName("a").withNewState().withNewRunning().endRunning().endState().build();
  }

  static ContainerStatus exited(int code) {
    return new ContainerStatusBuilder().withName("a").withNewState().withNewTerminated().withExitCode(code)
        .endTerminated().endState().build();
  }

  static ContainerStatus crashLooping() {
    return new ContainerStatusBuilder().withName("a").withNewState().withNewWaiting().withReason("CrashLoopBackOff")
        .endWaiting().endState().withNewLastState().withNewTerminated().withExitCode(1).endTerminated().endLastState()
        .build();
  }

  static ContainerStatus creating() {
    return new ContainerStatusBuilder().withName("a").withNewState().withNewWaiting().withReason("ContainerCreating")
        .endWaiting().endState().build();
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("creating is Pending", "Always", List.of(creating()), false, "Pending"),
        new Case("running is Running", "Always", List.of(running()), false, "Running"),
        new Case("crash loop with Always stays Running", "Always", List.of(running(), crashLooping()), false, "Running"),
        new Case("exit 0 with Never is Succeeded", "Never", List.of(exited(0)), false, "Succeeded"),
        new Case("exit 1 with Never is Failed", "Never", List.of(exited(0), exited(1)), false, "Failed"),
        new Case("exit 1 with OnFailure keeps Running", "OnFailure", List.of(exited(1)), false, "Running"),
        new Case("deleted after exit 0 on SIGTERM is Succeeded", "Always", List.of(exited(0)), true, "Succeeded"),
        new Case("deleted after exit 137 is Failed", "Always", List.of(exited(137)), true, "Failed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void phaseFollowsTheContainersAsGetPhase(Case c) {
    Pod pod = new PodBuilder().withNewSpec().withRestartPolicy(c.restartPolicy()).endSpec().build();
    assertThat(PodPhase.of(pod, List.of(), c.app(), c.terminal())).isEqualTo(c.phase());
  }
}
