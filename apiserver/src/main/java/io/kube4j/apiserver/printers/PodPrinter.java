package io.kube4j.apiserver.printers;

import static io.kube4j.apiserver.printers.Formats.isTrue;
import static io.kube4j.apiserver.printers.Formats.orEmpty;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodReadinessGate;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubectl get pods}: NAME READY STATUS RESTARTS AGE | IP NODE NOMINATED NODE READINESS GATES.
 * A port of {@code printPod}; STATUS is the most-read cell in Kubernetes, so its rules are kept in
 * upstream's order:
 * <ol>
 *   <li>start from {@code status.reason}, else {@code status.phase}; {@code SchedulingGated} wins;</li>
 *   <li>walk init containers in order: the first one not done sets {@code Init:<reason>},
 *       {@code Init:ExitCode:N}, {@code Init:Signal:N} or {@code Init:i/n};</li>
 *   <li>if initialisation is over, walk app containers from last to first: a waiting or terminated
 *       reason ({@code ContainerCreating}, {@code CrashLoopBackOff}, {@code Completed}, ...) overrides,
 *       so the first container's reason wins; {@code Completed} with a container still running is
 *       {@code Running} (or {@code NotReady});</li>
 *   <li>a pod being deleted is {@code Terminating} ({@code Unknown} when its node was lost).</li>
 * </ol>
 */
final class PodPrinter implements TablePrinter<Pod> {

  /** {@code node.NodeUnreachablePodReason}: the reason set on pods of a node that stopped reporting. */
  static final String NODE_UNREACHABLE_POD_REASON = "NodeLost";

  private static final List<TableRowCondition> SUCCEEDED = List.of(new TableRowCondition(
      TableRowCondition.ROW_COMPLETED, "True", "Succeeded", "The pod has completed successfully."));
  private static final List<TableRowCondition> FAILED = List.of(new TableRowCondition(
      TableRowCondition.ROW_COMPLETED, "True", "Failed", "The pod failed."));

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("Ready", "The aggregate readiness state of this pod for accepting traffic."),
      Columns.string("Status", "The aggregate status of the containers in this pod."),
      Columns.string("Restarts", "The number of times the containers in this pod have been restarted and when"
          + " the last container in this pod has restarted."),
      Columns.age(),
      Columns.wide("IP", "podIP address allocated to the pod. Routable at least within the cluster. Empty if"
          + " not yet allocated."),
      Columns.wide("Node", "NodeName indicates in which node this pod is scheduled. If empty, this pod is a"
          + " candidate for scheduling by the scheduler defined in schedulerName."),
      Columns.wide("Nominated Node", "nominatedNodeName is set only when this pod preempts other pods on the"
          + " node, but it cannot be scheduled right away as preemption victims receive their graceful"
          + " termination periods."),
      Columns.wide("Readiness Gates", "If specified, all readiness gates will be evaluated for pod readiness."));

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<TableRowCondition> conditions(Pod pod) {
    return switch (phase(pod)) {
      case "Succeeded" -> SUCCEEDED;
      case "Failed" -> FAILED;
      default -> List.of();
    };
  }

  @Override
  public List<Object> cells(Pod pod, Instant now) {
    PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    List<PodCondition> podConditions = orEmpty(status.getConditions());

    long restarts = 0;
    long restartableInitRestarts = 0;
    long totalContainers = orEmpty(spec.getContainers()).size();
    long readyContainers = 0;
    Instant lastRestart = null;
    Instant lastRestartableInitRestart = null;

    String phase = phase(pod);
    String reason = orEmpty(status.getReason()).isEmpty() ? phase : status.getReason();
    for (PodCondition c : podConditions) {
      if ("PodScheduled".equals(c.getType()) && "SchedulingGated".equals(c.getReason())) {
        reason = "SchedulingGated";
      }
    }

    List<Container> initContainers = orEmpty(spec.getInitContainers());
    Map<String, Container> initByName = new HashMap<>();
    for (Container c : initContainers) {
      initByName.put(c.getName(), c);
      if (isRestartable(c)) {
        totalContainers++; // sidecars count in READY as regular containers do
      }
    }

    boolean initializing = false;
    List<ContainerStatus> initStatuses = orEmpty(status.getInitContainerStatuses());
    for (int i = 0; i < initStatuses.size(); i++) {
      ContainerStatus cs = initStatuses.get(i);
      ContainerState state = cs.getState() == null ? new ContainerState() : cs.getState();
      boolean restartable = isRestartable(initByName.get(cs.getName()));
      restarts += Formats.orZero(cs.getRestartCount());
      lastRestart = later(lastRestart, lastTermination(cs));
      if (restartable) {
        restartableInitRestarts += Formats.orZero(cs.getRestartCount());
        lastRestartableInitRestart = later(lastRestartableInitRestart, lastTermination(cs));
      }
      ContainerStateTerminated terminated = state.getTerminated();
      if (terminated != null && Formats.orZero(terminated.getExitCode()) == 0) {
        continue;
      } else if (restartable && isTrue(cs.getStarted())) {
        if (isTrue(cs.getReady())) {
          readyContainers++;
        }
        continue;
      } else if (terminated != null) {
        reason = "Init:" + terminatedReason(terminated);
      } else if (state.getWaiting() != null && !orEmpty(state.getWaiting().getReason()).isEmpty()
          && !"PodInitializing".equals(state.getWaiting().getReason())) {
        reason = "Init:" + state.getWaiting().getReason();
      } else {
        reason = "Init:" + i + "/" + initContainers.size();
      }
      initializing = true;
      break;
    }

    if (!initializing || isPodInitializedConditionTrue(podConditions)) {
      // restarts of init containers that ran to completion no longer matter; sidecars' still do
      restarts = restartableInitRestarts;
      lastRestart = lastRestartableInitRestart;
      boolean hasRunning = false;
      List<ContainerStatus> statuses = orEmpty(status.getContainerStatuses());
      for (int i = statuses.size() - 1; i >= 0; i--) {
        ContainerStatus cs = statuses.get(i);
        ContainerState state = cs.getState() == null ? new ContainerState() : cs.getState();
        restarts += Formats.orZero(cs.getRestartCount());
        lastRestart = later(lastRestart, lastTermination(cs));
        if (state.getWaiting() != null && !orEmpty(state.getWaiting().getReason()).isEmpty()) {
          reason = state.getWaiting().getReason();
        } else if (state.getTerminated() != null) {
          reason = terminatedReason(state.getTerminated());
        } else if (isTrue(cs.getReady()) && state.getRunning() != null) {
          hasRunning = true;
          readyContainers++;
        }
      }
      if ("Completed".equals(reason) && hasRunning) {
        reason = hasPodReadyCondition(podConditions) ? "Running" : "NotReady";
      }
    }

    if (Formats.isDeleting(pod) && NODE_UNREACHABLE_POD_REASON.equals(status.getReason())) {
      reason = "Unknown";
    } else if (Formats.isDeleting(pod) && !phase.equals("Succeeded") && !phase.equals("Failed")) {
      reason = "Terminating";
    }

    String restartsCell = Long.toString(restarts);
    if (restarts != 0 && lastRestart != null) {
      restartsCell = restarts + " (" + Formats.since(Optional.of(lastRestart), now) + " ago)";
    }

    String podIp = orEmpty(status.getPodIPs()).isEmpty() ? "" : orEmpty(status.getPodIPs().get(0).getIp());
    return List.of(
        Formats.name(pod),
        readyContainers + "/" + totalContainers,
        reason,
        restartsCell,
        Formats.age(pod, now),
        podIp.isEmpty() ? Formats.NONE : podIp,
        orEmpty(spec.getNodeName()).isEmpty() ? Formats.NONE : spec.getNodeName(),
        orEmpty(status.getNominatedNodeName()).isEmpty() ? Formats.NONE : status.getNominatedNodeName(),
        readinessGates(orEmpty(spec.getReadinessGates()), podConditions));
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null ? "" : orEmpty(pod.getStatus().getPhase());
  }

  /** {@code podutil.IsRestartableInitContainer}: a sidecar, declared with {@code restartPolicy: Always}. */
  private static boolean isRestartable(Container initContainer) {
    return initContainer != null && "Always".equals(initContainer.getRestartPolicy());
  }

  /** The reason of a terminated container, or {@code Signal:N} / {@code ExitCode:N} when it has none. */
  private static String terminatedReason(ContainerStateTerminated t) {
    if (!orEmpty(t.getReason()).isEmpty()) {
      return t.getReason();
    }
    long signal = Formats.orZero(t.getSignal());
    return signal != 0 ? "Signal:" + signal : "ExitCode:" + Formats.orZero(t.getExitCode());
  }

  private static Instant lastTermination(ContainerStatus cs) {
    if (cs.getLastState() == null || cs.getLastState().getTerminated() == null) {
      return null;
    }
    return Formats.parseTime(cs.getLastState().getTerminated().getFinishedAt()).orElse(null);
  }

  private static Instant later(Instant current, Instant candidate) {
    if (candidate == null) {
      return current;
    }
    return current == null || current.isBefore(candidate) ? candidate : current;
  }

  /** The first {@code Initialized} condition decides. */
  private static boolean isPodInitializedConditionTrue(List<PodCondition> conditions) {
    for (PodCondition c : conditions) {
      if ("Initialized".equals(c.getType())) {
        return "True".equals(c.getStatus());
      }
    }
    return false;
  }

  /** Any {@code Ready=True} condition. */
  private static boolean hasPodReadyCondition(List<PodCondition> conditions) {
    return conditions.stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** {@code true/total} readiness gates whose condition is {@code True}, or {@code <none>}. */
  private static String readinessGates(List<PodReadinessGate> gates, List<PodCondition> conditions) {
    if (gates.isEmpty()) {
      return Formats.NONE;
    }
    int trueConditions = 0;
    for (PodReadinessGate gate : gates) {
      for (PodCondition c : conditions) {
        if (c.getType() != null && c.getType().equals(gate.getConditionType())) {
          if ("True".equals(c.getStatus())) {
            trueConditions++;
          }
          break;
        }
      }
    }
    return trueConditions + "/" + gates.size();
  }
}
