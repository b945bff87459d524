package io.kube4j.agent.nodestatus;

import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The node status setters of pkg/kubelet/nodestatus/setters.go, each filling one part of
 * {@code NodeStatus} from what the agent knows, with upstream's condition reasons and messages.
 */
final class Setters {

  /** The default hard eviction threshold {@code memory.available<100Mi}, held back from allocatable. */
  static final long EVICTION_HARD_MEMORY = 100L * 1024 * 1024;
  /** ... and {@code nodefs.available<10%}. */
  static final int EVICTION_HARD_NODEFS_PERCENT = 10;

  private Setters() {}

  /** {@code NodeAddress}: InternalIP and Hostname. */
  static void nodeAddress(NodeStatus status, String internalIp, String hostname) {
    status.setAddresses(List.of(new NodeAddress(internalIp, "InternalIP"), new NodeAddress(hostname, "Hostname")));
  }

  /**
   * {@code MachineInfo}: capacity from the machine, allocatable = capacity minus the hard eviction
   * thresholds (no kube-reserved or system-reserved). Example: 16 GiB of memory gives allocatable
   * 16 GiB − 100 MiB = 16674455552 bytes.
   */
  static void machineInfo(NodeStatus status, MachineInfo m) {
    Map<String, Quantity> capacity = new LinkedHashMap<>();
    capacity.put("cpu", cpu(m.cpuMillis()));
    capacity.put("ephemeral-storage", new Quantity(Long.toString(m.ephemeralStorageBytes())));
    capacity.put("memory", bytes(m.memoryBytes()));
    capacity.put("pods", new Quantity(Integer.toString(m.maxPods())));
    Map<String, Quantity> allocatable = new LinkedHashMap<>(capacity);
    allocatable.put("memory", bytes(Math.max(0, m.memoryBytes() - EVICTION_HARD_MEMORY)));
    allocatable.put("ephemeral-storage", new Quantity(Long.toString(
        m.ephemeralStorageBytes() - m.ephemeralStorageBytes() * EVICTION_HARD_NODEFS_PERCENT / 100)));
    status.setCapacity(capacity);
    status.setAllocatable(allocatable);
  }

  /** {@code VersionInfo} and {@code MachineInfo}'s identifiers: {@code nodeInfo}. */
  static void nodeInfo(NodeStatus status, NodeConfig config) {
    MachineInfo m = config.machine();
    NodeSystemInfo info = new NodeSystemInfo();
    info.setArchitecture(m.architecture());
    info.setOperatingSystem(m.operatingSystem());
    info.setKernelVersion(m.kernelVersion());
    info.setOsImage(m.osImage());
    info.setMachineID(m.machineId());
    info.setSystemUUID(m.systemUuid());
    info.setBootID(m.bootId());
    info.setKubeletVersion(config.kubeletVersion());
    info.setKubeProxyVersion("");
    info.setContainerRuntimeVersion(config.containerRuntimeVersion());
    status.setNodeInfo(info);
  }

  /** {@code DaemonEndpoints}: where the node's API listens. */
  static void daemonEndpoints(NodeStatus status, int kubeletPort) {
    status.setDaemonEndpoints(new io.fabric8.kubernetes.api.model.NodeDaemonEndpointsBuilder()
        .withNewKubeletEndpoint(kubeletPort).build());
  }

  /**
   * {@code ReadyCondition}, {@code MemoryPressureCondition}, {@code DiskPressureCondition},
   * {@code PIDPressureCondition}: this agent has no eviction manager, so it always reports no
   * pressure; Ready is True while it runs (the runtime answered its last call).
   */
  static void conditions(NodeStatus status, Instant now) {
    List<NodeCondition> old = status.getConditions() == null ? List.of() : status.getConditions();
    List<NodeCondition> conditions = new ArrayList<>();
    conditions.add(condition(old, "MemoryPressure", "False", "KubeletHasSufficientMemory",
        "kubelet has sufficient memory available", now));
    conditions.add(condition(old, "DiskPressure", "False", "KubeletHasNoDiskPressure",
        "kubelet has no disk pressure", now));
    conditions.add(condition(old, "PIDPressure", "False", "KubeletHasSufficientPID",
        "kubelet has sufficient PID available", now));
    conditions.add(condition(old, "Ready", "True", "KubeletReady", "kubelet is posting ready status", now));
    // keep conditions the agent does not own (e.g. NetworkUnavailable from a network plugin)
    old.stream().filter(c -> conditions.stream().noneMatch(n -> n.getType().equals(c.getType())))
        .forEach(conditions::add);
    status.setConditions(conditions);
  }

  private static NodeCondition condition(List<NodeCondition> old, String type, String status, String reason,
      String message, Instant now) {
    String time = format(now);
    String transition = old.stream().filter(c -> c.getType().equals(type) && Objects.equals(c.getStatus(), status))
        .map(NodeCondition::getLastTransitionTime).filter(Objects::nonNull).findFirst().orElse(time);
    return new NodeConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastHeartbeatTime(time).withLastTransitionTime(transition).build();
  }

  /** Whole cores as an integer ({@code 4}), otherwise millicores ({@code 1500m}), as resource.Quantity prints. */
  private static Quantity cpu(long millis) {
    return new Quantity(millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m");
  }

  /** Bytes in the largest binary unit that divides them ({@code 16Gi}), as cadvisor capacity reads. */
  private static Quantity bytes(long b) {
    String[] units = {"Ki", "Mi", "Gi", "Ti"};
    String suffix = "";
    long value = b;
    for (String unit : units) {
      if (value % 1024 != 0 || value == 0) {
        break;
      }
      value /= 1024;
      suffix = unit;
    }
    return new Quantity(value + suffix);
  }

  static String format(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }
}
