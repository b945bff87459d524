package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;

/**
 * A node and what the scheduler knows is on it (upstream's {@code framework.NodeInfo}): the pods bound
 * or assumed there, the sum of their requests (plain and non-zero), and the host ports they use.
 * The cache owns and mutates its NodeInfos under its lock; a cycle reads {@link #copy() copies} in
 * its snapshot, which nobody mutates.
 */
public final class NodeInfo {

  private Node node;
  private Resource allocatable;
  private final List<Pod> pods;
  private Resource requested;
  private Resource nonZeroRequested;
  private final List<HostPort> usedPorts;
  private long generation;

  /** A host port in use: {@code hostIP} (0.0.0.0 for all addresses), protocol, port. */
  public record HostPort(String ip, String protocol, int port) {

    /** Two ports conflict when protocol and port match and either binds all addresses or both the same one. */
    public boolean conflictsWith(HostPort o) {
      return port == o.port && protocol.equals(o.protocol)
          && (ip.equals(o.ip) || "0.0.0.0".equals(ip) || "0.0.0.0".equals(o.ip));
    }
  }

  public NodeInfo(Node node) {
    this(node, new ArrayList<>(), Resource.ZERO, Resource.ZERO, new ArrayList<>(), 0);
  }

  private NodeInfo(Node node, List<Pod> pods, Resource requested, Resource nonZeroRequested, List<HostPort> usedPorts,
      long generation) {
    this.node = node;
    this.allocatable = allocatableOf(node);
    this.pods = pods;
    this.requested = requested;
    this.nonZeroRequested = nonZeroRequested;
    this.usedPorts = usedPorts;
    this.generation = generation;
  }

  /** The node, or null while the cache still holds pods of a node that was deleted. */
  public Node node() {
    return node;
  }

  public String name() {
    return node.getMetadata().getName();
  }

  public List<Pod> pods() {
    return List.copyOf(pods);
  }

  public int podCount() {
    return pods.size();
  }

  /** {@code status.allocatable}, with {@code allowedPodNumber} from its {@code pods}. */
  public Resource allocatable() {
    return allocatable;
  }

  private static Resource allocatableOf(Node node) {
    return node == null || node.getStatus() == null ? Resource.ZERO : Resource.of(node.getStatus().getAllocatable());
  }

  public Resource requested() {
    return requested;
  }

  public Resource nonZeroRequested() {
    return nonZeroRequested;
  }

  public List<HostPort> usedPorts() {
    return List.copyOf(usedPorts);
  }

  public long generation() {
    return generation;
  }

  public void setNode(Node node, long generation) {
    this.node = node;
    this.allocatable = allocatableOf(node);
    this.generation = generation;
  }

  public void addPod(Pod pod, long generation) {
    pods.add(pod);
    requested = requested.plus(PodRequests.of(pod));
    nonZeroRequested = nonZeroRequested.plus(PodRequests.nonZero(pod));
    usedPorts.addAll(hostPorts(pod));
    this.generation = generation;
  }

  /** Removes the pod with the pod's UID; false when it is not here. */
  public boolean removePod(Pod pod, long generation) {
    String uid = pod.getMetadata().getUid();
    for (int i = 0; i < pods.size(); i++) {
      Pod p = pods.get(i);
      if (p.getMetadata().getUid().equals(uid)) {
        pods.remove(i);
        requested = requested.minus(PodRequests.of(p));
        nonZeroRequested = nonZeroRequested.minus(PodRequests.nonZero(p));
        for (HostPort hp : hostPorts(p)) {
          usedPorts.remove(hp);
        }
        this.generation = generation;
        return true;
      }
    }
    return false;
  }

  public NodeInfo copy() {
    return new NodeInfo(node, new ArrayList<>(pods), requested, nonZeroRequested, new ArrayList<>(usedPorts), generation);
  }

  /** The host ports a pod's containers ask for ({@code hostPort} > 0). */
  public static List<HostPort> hostPorts(Pod pod) {
    List<HostPort> out = new ArrayList<>();
    List<Container> containers = pod.getSpec().getContainers() == null ? List.of() : pod.getSpec().getContainers();
    for (Container c : containers) {
      if (c.getPorts() == null) {
        continue;
      }
      for (ContainerPort p : c.getPorts()) {
        if (p.getHostPort() != null && p.getHostPort() > 0) {
          String ip = p.getHostIP() == null || p.getHostIP().isEmpty() ? "0.0.0.0" : p.getHostIP();
          String protocol = p.getProtocol() == null || p.getProtocol().isEmpty() ? "TCP" : p.getProtocol();
          out.add(new HostPort(ip, protocol, p.getHostPort()));
        }
      }
    }
    return out;
  }
}
