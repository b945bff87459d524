package io.kube4j.apiserver.admission.plugins.noderestriction;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.Attributes.Operation;
import io.kube4j.apiserver.admission.MutatingAdmission;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.authorization.node.NodeIdentity;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The NodeRestriction admission plugin. Requests from anyone but a node pass untouched; a node's
 * writes are held to objects that are its own. Denials are 403 Forbidden with upstream's words.
 */
public final class NodeRestriction implements MutatingAdmission {

  private static final String MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";
  private static final String NODE_LEASE_NAMESPACE = "kube-node-lease";

  private final BiFunction<String, String, Optional<Pod>> pods;
  private final Function<String, Optional<Node>> nodes;

  /**
   * @param pods a pod by namespace and name
   * @param nodes a node by name
   */
  public NodeRestriction(BiFunction<String, String, Optional<Pod>> pods, Function<String, Optional<Node>> nodes) {
    this.pods = pods;
    this.nodes = nodes;
  }

  @Override
  public String name() {
    return "NodeRestriction";
  }

  @Override
  public boolean handles(Operation operation) {
    return operation != Operation.CONNECT;
  }

  @Override
  public Attributes admit(Attributes a) {
    Optional<String> node = a.user().flatMap(NodeIdentity::nodeName);
    if (node.isEmpty()) {
      return a;
    }
    String nodeName = node.get();
    if (nodeName.isEmpty()) {
      throw forbidden(a, "could not determine node from user \"" + a.user().get().name() + "\"");
    }
    String resource = a.resource().group() + "/" + a.resource().resource();
    switch (resource) {
      case "/pods" -> admitPod(nodeName, a);
      case "/nodes" -> NodeObjectRules.admit(nodeName, a);
      case "/persistentvolumeclaims" -> {
        if (!a.subresource().equals("status")) {
          throw forbidden(a, "may only update PVC status");
        }
      }
      case "coordination.k8s.io/leases" -> admitLease(nodeName, a);
      default -> { }
    }
    return a;
  }

  private void admitPod(String nodeName, Attributes a) {
    switch (a.subresource()) {
      case "" -> {
        if (a.operation() == Operation.CREATE) {
          MirrorPods.admitCreate(nodeName, a, nodes);
        } else if (a.operation() == Operation.DELETE) {
          if (!nodeName.equals(boundNode(a))) {
            throw forbidden(a, "node \"" + nodeName + "\" can only delete pods with spec.nodeName set to itself");
          }
        } else {
          throw forbidden(a, "unexpected operation \"" + a.operation() + "\", node \"" + nodeName
              + "\" can only create and delete mirror pods");
        }
      }
      case "status" -> {
        if (a.operation() != Operation.UPDATE) {
          throw forbidden(a, "unexpected operation \"" + a.operation() + "\"");
        }
        Pod old = (Pod) a.oldObject().orElseThrow();
        if (!nodeName.equals(old.getSpec() == null ? null : old.getSpec().getNodeName())) {
          throw forbidden(a, "node \"" + nodeName
              + "\" can only update pod status for pods with spec.nodeName set to itself");
        }
        Pod now = (Pod) a.object().orElseThrow();
        if (!Objects.equals(labels(old), labels(now))) {
          throw forbidden(a, "node \"" + nodeName + "\" cannot update labels through pod status");
        }
      }
      case "eviction" -> {
        if (!nodeName.equals(boundNode(a))) {
          throw forbidden(a, "node " + nodeName + " can only evict pods with spec.nodeName set to itself");
        }
      }
      default -> throw forbidden(a, "unexpected pod subresource \"" + a.subresource()
          + "\", only 'status' and 'eviction' are allowed");
    }
  }

  /** The node the stored pod named by the request is bound to; a missing pod is a 404. */
  private String boundNode(Attributes a) {
    Pod pod = pods.apply(a.namespace(), a.name())
        .orElseThrow(() -> StatusException.notFound(a.resource().groupResource(), a.name()));
    return pod.getSpec() == null ? null : pod.getSpec().getNodeName();
  }

  private static void admitLease(String nodeName, Attributes a) {
    if (!a.namespace().equals(NODE_LEASE_NAMESPACE)) {
      throw forbidden(a, "can only access leases in the \"" + NODE_LEASE_NAMESPACE + "\" system namespace");
    }
    String name = a.operation() == Operation.CREATE ? a.object().map(o -> o.getMetadata().getName()).orElse("")
        : a.name();
    if (!nodeName.equals(name)) {
      throw forbidden(a, "can only access node lease with the same name as the requesting node");
    }
  }

  private static Object labels(HasMetadata o) {
    return o.getMetadata() == null || o.getMetadata().getLabels() == null ? java.util.Map.of()
        : o.getMetadata().getLabels();
  }

  /** {@code admission.NewForbidden}: the resource (without subresource), the name, and why. */
  static StatusException forbidden(Attributes a, String why) {
    String name = !a.name().isEmpty() ? a.name()
        : a.object().map(o -> o.getMetadata() == null ? "" : o.getMetadata().getName()).orElse("");
    return StatusException.forbidden(a.resource().groupResource(), name == null ? "" : name, why);
  }
}
