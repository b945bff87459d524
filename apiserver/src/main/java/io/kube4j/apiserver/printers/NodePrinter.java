package io.kube4j.apiserver.printers;

import static io.kube4j.apiserver.printers.Formats.orEmpty;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code kubectl get nodes}: NAME STATUS ROLES AGE VERSION | INTERNAL-IP EXTERNAL-IP OS-IMAGE
 * KERNEL-VERSION CONTAINER-RUNTIME. A port of {@code printNode}. STATUS reads only the {@code Ready}
 * condition ({@code Ready}, {@code NotReady}, or {@code Unknown} when absent) and appends
 * {@code SchedulingDisabled} for a cordoned node: {@code Ready,SchedulingDisabled}.
 */
final class NodePrinter implements TablePrinter<Node> {

  /** {@code labelNodeRolePrefix}: {@code node-role.kubernetes.io/control-plane=""} gives role {@code control-plane}. */
  static final String LABEL_NODE_ROLE_PREFIX = "node-role.kubernetes.io/";
  /** {@code nodeLabelRole}: the older {@code kubernetes.io/role=<role>} form. */
  static final String NODE_LABEL_ROLE = "kubernetes.io/role";

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("Status", "The status of the node"),
      Columns.string("Roles", "The roles of the node"),
      Columns.age(),
      Columns.string("Version", "Kubelet Version reported by the node."),
      Columns.wide("Internal-IP", "List of addresses reachable to the node. Queried from cloud provider, if"
          + " available."),
      Columns.wide("External-IP", "List of addresses reachable to the node. Queried from cloud provider, if"
          + " available."),
      Columns.wide("OS-Image", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7"
          + " (wheezy))."),
      Columns.wide("Kernel-Version", "Kernel Version reported by the node from 'uname -r' (e.g."
          + " 3.16.0-0.bpo.4-amd64)."),
      Columns.wide("Container-Runtime", "ContainerRuntime Version reported by the node through runtime remote"
          + " API (e.g. containerd://1.4.2)."));

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Node node, Instant now) {
    NodeStatus status = node.getStatus() == null ? new NodeStatus() : node.getStatus();
    NodeSystemInfo info = status.getNodeInfo() == null ? new NodeSystemInfo() : status.getNodeInfo();

    // the last condition of a type wins, as upstream's map of conditions by type
    NodeCondition ready = null;
    for (NodeCondition c : orEmpty(status.getConditions())) {
      if ("Ready".equals(c.getType())) {
        ready = c;
      }
    }
    List<String> states = new ArrayList<>();
    if (ready != null) {
      states.add("True".equals(ready.getStatus()) ? "Ready" : "NotReady");
    } else {
      states.add("Unknown");
    }
    if (node.getSpec() != null && Formats.isTrue(node.getSpec().getUnschedulable())) {
      states.add("SchedulingDisabled");
    }

    String roles = String.join(",", findNodeRoles(node));
    return List.of(
        Formats.name(node),
        String.join(",", states),
        roles.isEmpty() ? Formats.NONE : roles,
        Formats.age(node, now),
        orEmpty(info.getKubeletVersion()),
        address(status, "InternalIP"),
        address(status, "ExternalIP"),
        orUnknown(info.getOsImage()),
        orUnknown(info.getKernelVersion()),
        orUnknown(info.getContainerRuntimeVersion()));
  }

  /** {@code findNodeRoles}: sorted, de-duplicated roles from both label forms. */
  static List<String> findNodeRoles(Node node) {
    Map<String, String> labels = node.getMetadata() == null ? Map.of() : orEmpty(node.getMetadata().getLabels());
    TreeSet<String> roles = new TreeSet<>();
    labels.forEach((k, v) -> {
      if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
        String role = k.substring(LABEL_NODE_ROLE_PREFIX.length());
        if (!role.isEmpty()) {
          roles.add(role);
        }
      } else if (k.equals(NODE_LABEL_ROLE) && v != null && !v.isEmpty()) {
        roles.add(v);
      }
    });
    return List.copyOf(roles);
  }

  /** The first address of that type ({@code getNodeInternalIP}/{@code getNodeExternalIP}), or {@code <none>}. */
  private static String address(NodeStatus status, String type) {
    for (NodeAddress a : orEmpty(status.getAddresses())) {
      if (type.equals(a.getType())) {
        return orEmpty(a.getAddress());
      }
    }
    return Formats.NONE;
  }

  private static String orUnknown(String s) {
    return orEmpty(s).isEmpty() ? Formats.UNKNOWN : s;
  }
}
