package io.kube4j.agent.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.kube4j.agent.runtime.ContainerState;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code generateAPIPodStatus}: turns what the runtime reports about a pod into the API's
 * {@code PodStatus} — phase, conditions, container statuses, IPs — keeping from the pod's current
 * status what the kubelet does not own ({@code PodScheduled}, {@code qosClass}, {@code startTime}
 * once set, each condition's {@code lastTransitionTime} while its status is unchanged).
 */
final class PodStatusGenerator {

  private PodStatusGenerator() {}

  /**
   * @param podIsTerminal the worker has stopped the pod for good (deleted, or finished for good):
   *     a pod whose containers would otherwise be restarted then reports Succeeded or Failed
   */
  static PodStatus generate(Pod pod, io.kube4j.agent.runtime.PodStatus runtime, String hostIp, boolean podIsTerminal,
      Instant now) {
    PodStatus old = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    boolean initDone = initContainersDone(pod, runtime);
    List<ContainerStatus> init = containerStatuses(pod.getSpec().getInitContainers(), runtime, true, true);
    List<ContainerStatus> app = containerStatuses(pod.getSpec().getContainers(), runtime, initDone, false);
    String phase = PodPhase.of(pod, init, app, podIsTerminal);
    if (isTerminal(old.getPhase()) && !isTerminal(phase)) {
      phase = old.getPhase();  // a pod never leaves Succeeded or Failed
    }
    PodStatus status = new PodStatus();
    status.setPhase(phase);
    status.setHostIP(hostIp);
    status.setHostIPs(List.of(new HostIP(hostIp)));
    if (!runtime.ips().isEmpty()) {
      status.setPodIP(runtime.ips().get(0));
      status.setPodIPs(runtime.ips().stream().map(PodIP::new).toList());
    } else if (old.getPodIP() != null) {
      status.setPodIP(old.getPodIP());
      status.setPodIPs(old.getPodIPs());
    }
    status.setStartTime(old.getStartTime() != null ? old.getStartTime() : format(now));
    status.setQosClass(old.getQosClass());
    status.setInitContainerStatuses(init.isEmpty() ? null : init);
    status.setContainerStatuses(app);
    List<PodCondition> conditions = new ArrayList<>();
    conditions.add(PodConditions.readyToStartContainers(runtime.sandboxReady()));
    conditions.add(PodConditions.initialized(pod, init, phase));
    conditions.add(PodConditions.containersReady("Ready", pod, app, phase));
    conditions.add(PodConditions.containersReady("ContainersReady", pod, app, phase));
    old.getConditions().stream().filter(c -> c.getType().equals("PodScheduled")).findFirst().ifPresent(conditions::add);
    for (PodCondition c : conditions) {
      Optional<PodCondition> before = old.getConditions().stream().filter(o -> o.getType().equals(c.getType())).findFirst();
      if (c.getLastTransitionTime() == null) {
        c.setLastTransitionTime(before.filter(b -> Objects.equals(b.getStatus(), c.getStatus()))
            .map(PodCondition::getLastTransitionTime).orElse(format(now)));
      }
    }
    status.setConditions(conditions);
    return status;
  }

  static boolean isTerminal(String phase) {
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private static boolean initContainersDone(Pod pod, io.kube4j.agent.runtime.PodStatus runtime) {
    List<Container> inits = pod.getSpec().getInitContainers() == null ? List.of() : pod.getSpec().getInitContainers();
    for (Container c : inits) {
      boolean sidecar = "Always".equals(c.getRestartPolicy());
      Optional<io.kube4j.agent.runtime.ContainerStatus> s = runtime.container(c.getName());
      if (s.isEmpty() || !(sidecar ? s.get().state() == ContainerState.RUNNING
          : s.get().state() == ContainerState.EXITED && s.get().exitCode() == 0)) {
        return false;
      }
    }
    return true;
  }

  /** {@code convertToAPIContainerStatuses}, for init or app containers, in spec order. */
  private static List<ContainerStatus> containerStatuses(List<Container> containers,
      io.kube4j.agent.runtime.PodStatus runtime, boolean mayStart, boolean init) {
    List<ContainerStatus> out = new ArrayList<>();
    for (Container c : containers == null ? List.<Container>of() : containers) {
      Optional<io.kube4j.agent.runtime.ContainerStatus> current = runtime.container(c.getName());
      ContainerStatusBuilder b = new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
          .withImageID("").withReady(false).withRestartCount(0).withStarted(false);
      if (current.isEmpty()) {
        // not created yet: app containers wait for the init containers, the rest for their sandbox
        String reason = !mayStart || (init && !runtime.sandboxReady() && !runtime.containers().isEmpty())
            ? "PodInitializing" : "ContainerCreating";
        out.add(b.withState(new ContainerStateBuilder().withNewWaiting().withReason(reason).endWaiting().build())
            .build());
        continue;
      }
      io.kube4j.agent.runtime.ContainerStatus s = current.get();
      b.withImageID(s.imageId()).withContainerID(s.id()).withRestartCount(s.restartCount());
      boolean sidecar = init && "Always".equals(c.getRestartPolicy());
      if (s.state() == ContainerState.RUNNING) {
        // no probes run on this agent yet: a running container is started, and ready unless it is a
        // regular init container (those never report ready)
        b.withStarted(true).withReady(!init || sidecar).withState(new ContainerStateBuilder().withNewRunning()
            .withStartedAt(format(s.startedAt().orElse(s.createdAt()))).endRunning().build());
        runtime.previous(c.getName()).ifPresent(p -> b.withLastState(terminated(p)));
      } else if (s.state() == ContainerState.EXITED && s.waitingUntil().isPresent()) {
        b.withState(new ContainerStateBuilder().withNewWaiting().withReason("CrashLoopBackOff")
            .withMessage("back-off " + backOffText(s) + " restarting failed container=" + c.getName())
            .endWaiting().build()).withLastState(terminated(s));
      } else if (s.state() == ContainerState.EXITED) {
        b.withState(terminated(s));
        runtime.previous(c.getName()).ifPresent(p -> b.withLastState(terminated(p)));
      } else {
        b.withState(new ContainerStateBuilder().withNewWaiting().withReason("ContainerCreating").endWaiting().build());
      }
      out.add(b.build());
    }
    return out;
  }

  private static io.fabric8.kubernetes.api.model.ContainerState terminated(io.kube4j.agent.runtime.ContainerStatus s) {
    return new ContainerStateBuilder().withTerminated(new ContainerStateTerminatedBuilder()
        .withExitCode(s.exitCode()).withReason(s.reason().isEmpty() ? null : s.reason())
        .withMessage(s.message().isEmpty() ? null : s.message())
        .withStartedAt(s.startedAt().map(PodStatusGenerator::format).orElse(null))
        .withFinishedAt(s.finishedAt().map(PodStatusGenerator::format).orElse(null))
        .withContainerID(s.id()).build()).build();
  }

  private static String backOffText(io.kube4j.agent.runtime.ContainerStatus s) {
    long seconds = java.time.Duration.between(s.finishedAt().orElse(s.createdAt()), s.waitingUntil().orElseThrow())
        .toSeconds();
    return seconds >= 60 ? (seconds / 60) + "m" + (seconds % 60 == 0 ? "" : (seconds % 60) + "s") : seconds + "s";
  }

  /** RFC 3339 with whole seconds, as {@code metav1.Time} serialises. */
  static String format(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }
}
