package io.kube4j.agent.nodestatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the agent's Node and keeps its status current (kubelet_node_status.go). Every
 * {@code --node-status-update-frequency} (10 s) the status is computed again; it is written — as a
 * strategic merge patch of {@code nodes/status} — when it changed, or when
 * {@code nodeStatusReportFrequency} (5 min) has passed since the last write. Liveness between
 * writes is the Lease's job ({@code nodelease}).
 */
public final class NodeStatusUpdater {

  private static final Logger LOG = LoggerFactory.getLogger(NodeStatusUpdater.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** {@code nodeStatusUpdateRetry}: tries per update before waiting for the next period. */
  static final int NODE_STATUS_UPDATE_RETRY = 5;

  private final KubernetesClient client;
  private final NodeConfig config;
  private final Clock clock;
  private final Duration reportFrequency;
  private volatile Node node;
  /** Written only by the (one) thread that runs {@link #updateNodeStatus}. */
  private Instant lastReport = Instant.MIN;

  public NodeStatusUpdater(KubernetesClient client, NodeConfig config, Clock clock, Duration reportFrequency) {
    this.client = client;
    this.config = config;
    this.clock = clock;
    this.reportFrequency = reportFrequency;
  }

  /** The Node as last read or written; empty before registration. */
  public Optional<Node> node() {
    return Optional.ofNullable(node);
  }

  /**
   * {@code registerWithAPIServer}: creates the Node, or takes the one that exists (a restarted agent,
   * or a node registered before), then writes its status at once.
   */
  public Node register() {
    Node initial = initialNode();
    try {
      node = client.nodes().resource(initial).create();
      LOG.info("node {}: registered", config.nodeName());
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      node = client.nodes().withName(config.nodeName()).get();
      LOG.info("node {}: already registered", config.nodeName());
    }
    lastReport = Instant.MIN;
    updateNodeStatus();
    return node;
  }

  /** {@code initialNode}: labels, taints and the first status. */
  Node initialNode() {
    Map<String, String> labels = new LinkedHashMap<>();
    MachineInfo m = config.machine();
    labels.put("beta.kubernetes.io/arch", m.architecture());
    labels.put("beta.kubernetes.io/os", m.operatingSystem());
    labels.put("kubernetes.io/arch", m.architecture());
    labels.put("kubernetes.io/hostname", config.hostname());
    labels.put("kubernetes.io/os", m.operatingSystem());
    labels.putAll(config.labels());
    Node n = new NodeBuilder().withNewMetadata().withName(config.nodeName()).withLabels(labels)
        .withAnnotations(Map.of("node.alpha.kubernetes.io/ttl", "0"))
        .endMetadata().withNewSpec().endSpec().build();
    if (!config.taints().isEmpty()) {
      n.getSpec().setTaints(config.taints());
    }
    n.setStatus(status(new NodeStatus()));
    return n;
  }

  /**
   * {@code updateNodeStatus}: up to {@value #NODE_STATUS_UPDATE_RETRY} tries, each reading the Node
   * again (a conflict means another writer, e.g. the node lifecycle controller, got there first).
   */
  public void updateNodeStatus() {
    for (int i = 1; ; i++) {
      try {
        tryUpdateNodeStatus();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || i == NODE_STATUS_UPDATE_RETRY) {
          throw e;
        }
      }
    }
  }

  /** {@code tryUpdateNodeStatus}: reads the Node, computes its status, writes it when due. */
  private void tryUpdateNodeStatus() {
    Node current = client.nodes().withName(config.nodeName()).get();
    if (current == null) {
      LOG.warn("node {} is gone from the API; registering again", config.nodeName());
      register();
      return;
    }
    NodeStatus before = current.getStatus() == null ? new NodeStatus() : current.getStatus();
    NodeStatus after = status(copy(before));
    Instant now = clock.instant();
    boolean due = Duration.between(lastReport == Instant.MIN ? now.minus(reportFrequency) : lastReport, now)
        .compareTo(reportFrequency) >= 0;
    if (!due && !changed(before, after)) {
      node = current;
      return;
    }
    node = client.nodes().withName(config.nodeName()).subresource("status")
        .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), patch(after));
    lastReport = now;
  }

  private NodeStatus status(NodeStatus s) {
    Setters.nodeAddress(s, config.internalIp(), config.hostname());
    Setters.machineInfo(s, config.machine());
    Setters.nodeInfo(s, config);
    Setters.daemonEndpoints(s, config.kubeletPort());
    Setters.conditions(s, clock.instant());
    return s;
  }

  /** {@code nodeStatusHasChanged}: any difference but the conditions' heartbeat times. */
  static boolean changed(NodeStatus before, NodeStatus after) {
    return !withoutHeartbeats(before).equals(withoutHeartbeats(after));
  }

  private static NodeStatus withoutHeartbeats(NodeStatus s) {
    NodeStatus c = copy(s);
    List<NodeCondition> conditions = c.getConditions() == null ? List.of() : c.getConditions();
    conditions.forEach(x -> x.setLastHeartbeatTime(null));
    return c;
  }

  private static NodeStatus copy(NodeStatus s) {
    return JSON.convertValue(s, NodeStatus.class);
  }

  private static String patch(NodeStatus s) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("addresses", s.getAddresses());
    status.put("allocatable", s.getAllocatable());
    status.put("capacity", s.getCapacity());
    status.put("conditions", s.getConditions());
    status.put("daemonEndpoints", s.getDaemonEndpoints());
    status.put("nodeInfo", s.getNodeInfo());
    try {
      return JSON.writeValueAsString(Map.of("status", status));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise node status", e);
    }
  }
}
