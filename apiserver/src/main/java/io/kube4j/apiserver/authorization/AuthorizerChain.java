package io.kube4j.apiserver.authorization;

import java.util.ArrayList;
import java.util.List;

/**
 * Asks each authorizer in {@code --authorization-mode} order ({@code union.New} upstream): the first
 * allow or deny decides; when none has an opinion the request is denied, with every reason given.
 */
public final class AuthorizerChain implements Authorizer {

  private final List<Authorizer> authorizers;

  public AuthorizerChain(List<Authorizer> authorizers) {
    this.authorizers = List.copyOf(authorizers);
  }

  @Override
  public AuthorizationResult authorize(AuthorizationAttributes attributes) {
    List<String> reasons = new ArrayList<>();
    for (Authorizer a : authorizers) {
      AuthorizationResult r = a.authorize(attributes);
      if (r.decision() != Decision.NO_OPINION) {
        return r;
      }
      if (!r.reason().isEmpty()) {
        reasons.add(r.reason());
      }
    }
    return new AuthorizationResult(Decision.NO_OPINION, String.join(", ", reasons));
  }
}
