package io.kube4j.apiserver.printers;

import static io.kube4j.apiserver.printers.Fixtures.NOW;
import static io.kube4j.apiserver.printers.Fixtures.meta;
import static io.kube4j.apiserver.printers.Fixtures.minutesAgo;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PodPrinterTest {

  private final PodPrinter printer = new PodPrinter();

  record Case(String name, Pod pod, String ready, String status, String restarts) {
    @Override
    public String toString() {
      return name;
    }
  }

  // ---- builders for the states a kubelet reports ----

  private static PodBuilder pod(String... containers) {
    PodBuilder b = new PodBuilder().withMetadata(meta("web")).withNewSpec().endSpec();
    for (String c : containers) {
      b.editSpec().addToContainers(new ContainerBuilder().withName(c).withImage("nginx:1.27").build()).endSpec();
    }
    return b;
  }

  private static ContainerStatusBuilder status(String name) {
    return new ContainerStatusBuilder().withName(name).withImage("nginx:1.27").withRestartCount(0).withReady(false);
  }

  private static ContainerStatus running(String name) {
    return status(name).withReady(true).withStarted(true).withNewState().withNewRunning()
        .withStartedAt(minutesAgo(4)).endRunning().endState().build();
  }

  private static ContainerStatus waiting(String name, String reason) {
    return status(name).withNewState().withNewWaiting().withReason(reason).endWaiting().endState().build();
  }

  private static ContainerStatus terminated(String name, int exitCode, String reason) {
    return status(name).withNewState().withNewTerminated().withExitCode(exitCode).withReason(reason)
        .withFinishedAt(minutesAgo(1)).endTerminated().endState().build();
  }

  private static ContainerStatus crashLooping(String name, int restarts, long lastFinishedMinutesAgo) {
    return status(name).withRestartCount(restarts)
        .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
        .withNewLastState().withNewTerminated().withExitCode(1).withReason("Error")
        .withFinishedAt(minutesAgo(lastFinishedMinutesAgo)).endTerminated().endLastState().build();
  }

  private static PodCondition condition(String type, String status) {
    return new PodConditionBuilder().withType(type).withStatus(status).build();
  }

  static Stream<Case> statuses() {
    return Stream.of(
        new Case("pending pod not yet scheduled",
            pod("app").withNewStatus().withPhase("Pending")
                .withConditions(new PodConditionBuilder().withType("PodScheduled").withStatus("False")
                    .withReason("Unschedulable").build())
                .endStatus().build(),
            "0/1", "Pending", "0"),
        new Case("container creating",
            pod("app").withNewStatus().withPhase("Pending")
                .withContainerStatuses(waiting("app", "ContainerCreating")).endStatus().build(),
            "0/1", "ContainerCreating", "0"),
        new Case("running and ready",
            pod("app").withNewStatus().withPhase("Running").withConditions(condition("Ready", "True"))
                .withContainerStatuses(running("app")).endStatus().build(),
            "1/1", "Running", "0"),
        new Case("one of two containers ready",
            pod("app", "sidecar").withNewStatus().withPhase("Running")
                .withContainerStatuses(running("app"), status("sidecar").withNewState().withNewRunning()
                    .endRunning().endState().build())
                .endStatus().build(),
            "1/2", "Running", "0"),
        new Case("crash loop shows restarts and when the last one was",
            pod("app").withNewStatus().withPhase("Running")
                .withContainerStatuses(crashLooping("app", 5, 2)).endStatus().build(),
            "0/1", "CrashLoopBackOff", "5 (2m ago)"),
        new Case("image pull backoff",
            pod("app").withNewStatus().withPhase("Pending")
                .withContainerStatuses(waiting("app", "ImagePullBackOff")).endStatus().build(),
            "0/1", "ImagePullBackOff", "0"),
        new Case("the first container's reason wins",
            pod("a", "b").withNewStatus().withPhase("Pending")
                .withContainerStatuses(waiting("a", "ErrImagePull"), waiting("b", "ContainerCreating")).endStatus()
                .build(),
            "0/2", "ErrImagePull", "0"),
        new Case("completed",
            pod("app").withNewStatus().withPhase("Succeeded")
                .withContainerStatuses(terminated("app", 0, "Completed")).endStatus().build(),
            "0/1", "Completed", "0"),
        new Case("error exit",
            pod("app").withNewStatus().withPhase("Failed")
                .withContainerStatuses(terminated("app", 1, "Error")).endStatus().build(),
            "0/1", "Error", "0"),
        new Case("terminated without reason shows the exit code",
            pod("app").withNewStatus().withPhase("Failed")
                .withContainerStatuses(terminated("app", 137, null)).endStatus().build(),
            "0/1", "ExitCode:137", "0"),
        new Case("completed container next to a running one is Running when the pod is ready",
            pod("a", "b").withNewStatus().withPhase("Running").withConditions(condition("Ready", "True"))
                .withContainerStatuses(terminated("a", 0, "Completed"), running("b")).endStatus().build(),
            "1/2", "Running", "0"),
        new Case("completed container next to a running one is NotReady when the pod is not ready",
            pod("a", "b").withNewStatus().withPhase("Running").withConditions(condition("Ready", "False"))
                .withContainerStatuses(terminated("a", 0, "Completed"), running("b")).endStatus().build(),
            "1/2", "NotReady", "0"),
        new Case("first init container running",
            pod("app").editSpec().addNewInitContainer().withName("init").withImage("busybox").endInitContainer()
                .endSpec()
                .withNewStatus().withPhase("Pending")
                .withInitContainerStatuses(status("init").withNewState().withNewRunning().endRunning().endState()
                    .build())
                .withContainerStatuses(waiting("app", "PodInitializing")).endStatus().build(),
            "0/1", "Init:0/1", "0"),
        new Case("init container waiting on PodInitializing counts as in progress",
            pod("app").editSpec().addNewInitContainer().withName("init").withImage("busybox").endInitContainer()
                .endSpec()
                .withNewStatus().withPhase("Pending")
                .withInitContainerStatuses(waiting("init", "PodInitializing")).endStatus().build(),
            "0/1", "Init:0/1", "0"),
        new Case("second of two init containers",
            pod("app").editSpec()
                .addNewInitContainer().withName("one").withImage("busybox").endInitContainer()
                .addNewInitContainer().withName("two").withImage("busybox").endInitContainer().endSpec()
                .withNewStatus().withPhase("Pending")
                .withInitContainerStatuses(terminated("one", 0, "Completed"),
                    status("two").withNewState().withNewRunning().endRunning().endState().build())
                .endStatus().build(),
            "0/1", "Init:1/2", "0"),
        new Case("crash-looping init container",
            pod("app").editSpec().addNewInitContainer().withName("init").withImage("busybox").endInitContainer()
                .endSpec()
                .withNewStatus().withPhase("Pending")
                .withInitContainerStatuses(crashLooping("init", 3, 1)).endStatus().build(),
            "0/1", "Init:CrashLoopBackOff", "3 (60s ago)"),
        new Case("failed init container",
            pod("app").editSpec().addNewInitContainer().withName("init").withImage("busybox").endInitContainer()
                .endSpec()
                .withNewStatus().withPhase("Pending")
                .withInitContainerStatuses(terminated("init", 2, "Error")).endStatus().build(),
            "0/1", "Init:Error", "0"),
        new Case("init container killed by a signal without reason",
            pod("app").editSpec().addNewInitContainer().withName("init").withImage("busybox").endInitContainer()
                .endSpec()
                .withNewStatus().withPhase("Pending")
                .withInitContainerStatuses(status("init").withNewState().withNewTerminated().withExitCode(137)
                    .withSignal(9).endTerminated().endState().build())
                .endStatus().build(),
            "0/1", "Init:Signal:9", "0"),
        new Case("started sidecar counts in READY and its restarts stay",
            pod("app").editSpec().addNewInitContainer().withName("proxy").withImage("envoy")
                .withRestartPolicy("Always").endInitContainer().endSpec()
                .withNewStatus().withPhase("Running")
                .withConditions(condition("Initialized", "True"), condition("Ready", "True"))
                .withInitContainerStatuses(status("proxy").withReady(true).withStarted(true).withRestartCount(1)
                    .withNewState().withNewRunning().endRunning().endState()
                    .withNewLastState().withNewTerminated().withExitCode(1).withFinishedAt(minutesAgo(3))
                    .endTerminated().endLastState().build())
                .withContainerStatuses(running("app")).endStatus().build(),
            "2/2", "Running", "1 (3m ago)"),
        new Case("pod being deleted is Terminating",
            pod("app").editMetadata().withDeletionTimestamp(minutesAgo(0)).endMetadata()
                .withNewStatus().withPhase("Running").withContainerStatuses(running("app")).endStatus().build(),
            "1/1", "Terminating", "0"),
        new Case("completed pod being deleted keeps its status",
            pod("app").editMetadata().withDeletionTimestamp(minutesAgo(0)).endMetadata()
                .withNewStatus().withPhase("Succeeded")
                .withContainerStatuses(terminated("app", 0, "Completed")).endStatus().build(),
            "0/1", "Completed", "0"),
        new Case("pod of a lost node being deleted is Unknown",
            pod("app").editMetadata().withDeletionTimestamp(minutesAgo(0)).endMetadata()
                .withNewStatus().withPhase("Running").withReason("NodeLost")
                .withContainerStatuses(running("app")).endStatus().build(),
            "1/1", "Unknown", "0"),
        new Case("evicted pod shows the status reason",
            pod("app").withNewStatus().withPhase("Failed").withReason("Evicted").endStatus().build(),
            "0/1", "Evicted", "0"),
        new Case("scheduling gated",
            pod("app").withNewStatus().withPhase("Pending")
                .withConditions(new PodConditionBuilder().withType("PodScheduled").withStatus("False")
                    .withReason("SchedulingGated").build())
                .endStatus().build(),
            "0/1", "SchedulingGated", "0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void statuses(Case c) {
    List<Object> cells = printer.cells(c.pod(), NOW);
    assertThat(cells.subList(0, 5)).containsExactly("web", c.ready(), c.status(), c.restarts(), "5m");
  }

  @Test
  void wideColumnsShowPlaceholdersForAnUnscheduledPod() {
    Pod pod = pod("app").withNewStatus().withPhase("Pending").endStatus().build();

    assertThat(printer.cells(pod, NOW).subList(5, 9)).containsExactly("<none>", "<none>", "<none>", "<none>");
  }

  @Test
  void wideColumnsShowTheFirstPodIpTheNodeAndReadinessGates() {
    Pod pod = pod("app")
        .editSpec().withNodeName("node-1").addNewReadinessGate().withConditionType("example.com/lb").endReadinessGate()
        .addNewReadinessGate().withConditionType("example.com/dns").endReadinessGate().endSpec()
        .withNewStatus().withPhase("Running").withPodIP("10.244.1.7")
        .addNewPodIP().withIp("10.244.1.7").endPodIP().addNewPodIP().withIp("fd00::7").endPodIP()
        .withNominatedNodeName("node-2")
        .withConditions(condition("example.com/lb", "True"), condition("example.com/dns", "False"))
        .withContainerStatuses(running("app")).endStatus().build();

    assertThat(printer.cells(pod, NOW).subList(5, 9)).containsExactly("10.244.1.7", "node-1", "node-2", "1/2");
  }

  @Test
  void succeededAndFailedPodsCarryTheCompletedRowCondition() {
    Pod succeeded = pod("app").withNewStatus().withPhase("Succeeded").endStatus().build();
    Pod failed = pod("app").withNewStatus().withPhase("Failed").endStatus().build();
    Pod running = pod("app").withNewStatus().withPhase("Running").endStatus().build();

    assertThat(printer.conditions(succeeded)).containsExactly(
        new TableRowCondition("Completed", "True", "Succeeded", "The pod has completed successfully."));
    assertThat(printer.conditions(failed)).containsExactly(
        new TableRowCondition("Completed", "True", "Failed", "The pod failed."));
    assertThat(printer.conditions(running)).isEmpty();
  }

  @Test
  void columnsAreUpstreamsWithRestartsAsAString() {
    assertThat(printer.columns()).extracting(TableColumnDefinition::name).containsExactly(
        "Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates");
    assertThat(printer.columns()).extracting(TableColumnDefinition::priority).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1);
    assertThat(printer.columns().get(3).type()).isEqualTo("string");
    assertThat(printer.columns().get(0).format()).isEqualTo("name");
  }
}
