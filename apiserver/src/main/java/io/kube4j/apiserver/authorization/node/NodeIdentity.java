package io.kube4j.apiserver.authorization.node;

import io.kube4j.apiserver.authn.UserInfo;
import java.util.Optional;

/**
 * Who is a node ({@code nodeidentifier.NewDefaultNodeIdentifier} upstream): a user named
 * {@code system:node:<name>} in the group {@code system:nodes}. The name may be empty (an
 * unidentifiable node), which authorizers and NodeRestriction reject.
 */
public final class NodeIdentity {

  public static final String NODES_GROUP = "system:nodes";
  public static final String USER_PREFIX = "system:node:";

  private NodeIdentity() {}

  /** The node's name when the user is a node, else empty. */
  public static Optional<String> nodeName(UserInfo user) {
    if (user == null || !user.name().startsWith(USER_PREFIX) || !user.groups().contains(NODES_GROUP)) {
      return Optional.empty();
    }
    return Optional.of(user.name().substring(USER_PREFIX.length()));
  }
}
