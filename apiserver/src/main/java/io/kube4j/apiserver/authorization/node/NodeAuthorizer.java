package io.kube4j.apiserver.authorization.node;

import io.kube4j.apiserver.authorization.AuthorizationAttributes;
import io.kube4j.apiserver.authorization.AuthorizationResult;
import io.kube4j.apiserver.authorization.Authorizer;
import io.kube4j.apiserver.authorization.node.NodeGraph.Vertex;
import java.util.Optional;

/**
 * {@code --authorization-mode=Node} ({@code NodeAuthorizer} upstream). For a node identity:
 * secrets, configmaps, claims, volumes and service-account tokens only along the graph from its
 * node; leases only its own, in {@code kube-node-lease}; everything else by the static node rules
 * (the {@code system:node} role). Never denies: what it does not allow is left to the next mode
 * (RBAC), with the reason recorded.
 */
public final class NodeAuthorizer implements Authorizer {

  static final String NODE_LEASE_NAMESPACE = "kube-node-lease";

  private final NodeGraph graph;
  private final Authorizer nodeRules;

  /**
   * @param nodeRules allows what every node may do (the rules of the {@code system:node} role)
   */
  public NodeAuthorizer(NodeGraph graph, Authorizer nodeRules) {
    this.graph = graph;
    this.nodeRules = nodeRules;
  }

  @Override
  public AuthorizationResult authorize(AuthorizationAttributes a) {
    Optional<String> node = NodeIdentity.nodeName(a.user());
    if (node.isEmpty()) {
      return AuthorizationResult.NO_OPINION;
    }
    String nodeName = node.get();
    if (nodeName.isEmpty()) {
      return noOpinion("unknown node for user \"" + a.user().name() + "\"");
    }
    if (a.resourceRequest()) {
      String resource = a.apiGroup() + "/" + a.resource();
      switch (resource) {
        case "/secrets":
          return readNamespaced(nodeName, Vertex.SECRET, a);
        case "/configmaps":
          return readNamespaced(nodeName, Vertex.CONFIGMAP, a);
        case "/persistentvolumeclaims":
          return a.subresource().equals("status") ? statusUpdate(nodeName, a)
              : get(nodeName, Vertex.PERSISTENT_VOLUME_CLAIM, a);
        case "/persistentvolumes":
          return get(nodeName, Vertex.PERSISTENT_VOLUME, a);
        case "/serviceaccounts":
          return createToken(nodeName, a);
        case "coordination.k8s.io/leases":
          return lease(nodeName, a);
        default:
          break;
      }
    }
    return nodeRules.authorize(a).allowed() ? AuthorizationResult.allow("") : AuthorizationResult.NO_OPINION;
  }

  private AuthorizationResult readNamespaced(String nodeName, Vertex type, AuthorizationAttributes a) {
    if (!a.readOnly()) {
      return noOpinion("can only read resources of this type");
    }
    if (!a.subresource().isEmpty()) {
      return noOpinion("cannot read subresource");
    }
    if (a.namespace().isEmpty()) {
      return noOpinion("can only read namespaced object of this type");
    }
    return related(nodeName, type, a);
  }

  private AuthorizationResult get(String nodeName, Vertex type, AuthorizationAttributes a) {
    if (!a.verb().equals("get")) {
      return noOpinion("can only get individual resources of this type");
    }
    if (!a.subresource().isEmpty()) {
      return noOpinion("cannot get subresource");
    }
    return related(nodeName, type, a);
  }

  private AuthorizationResult statusUpdate(String nodeName, AuthorizationAttributes a) {
    if (!a.verb().equals("update") && !a.verb().equals("patch")) {
      return noOpinion("can only get/update/patch this type");
    }
    return related(nodeName, Vertex.PERSISTENT_VOLUME_CLAIM, a);
  }

  private AuthorizationResult createToken(String nodeName, AuthorizationAttributes a) {
    if (!a.verb().equals("create") || a.name().isEmpty()) {
      return noOpinion("can only create tokens for individual service accounts");
    }
    if (!a.subresource().equals("token")) {
      return noOpinion("can only create token subresource of serviceaccount");
    }
    return related(nodeName, Vertex.SERVICE_ACCOUNT, a);
  }

  private AuthorizationResult lease(String nodeName, AuthorizationAttributes a) {
    switch (a.verb()) {
      case "get", "create", "update", "patch", "delete":
        break;
      default:
        return noOpinion("can only get, create, update, patch, or delete a node lease");
    }
    if (!a.namespace().equals(NODE_LEASE_NAMESPACE)) {
      return noOpinion("can only access leases in the \"" + NODE_LEASE_NAMESPACE + "\" system namespace");
    }
    // a create names no object yet: NodeRestriction checks the new lease's name
    if (!a.verb().equals("create") && !a.name().equals(nodeName)) {
      return noOpinion("can only access node lease with the same name as the requesting node");
    }
    return AuthorizationResult.allow("");
  }

  private AuthorizationResult related(String nodeName, Vertex type, AuthorizationAttributes a) {
    if (a.name().isEmpty()) {
      return noOpinion("No Object name found");
    }
    if (!graph.hasPath(nodeName, type, a.namespace(), a.name())) {
      return noOpinion("no relationship found between node '" + nodeName + "' and this object");
    }
    return AuthorizationResult.allow("");
  }

  private static AuthorizationResult noOpinion(String reason) {
    return new AuthorizationResult(io.kube4j.apiserver.authorization.Decision.NO_OPINION, reason);
  }
}
