package io.kube4j.apiserver.authorization;

/** {@code --authorization-mode=AlwaysAllow}: every request is allowed (no security; tests and demos). */
public final class AlwaysAllow implements Authorizer {

  @Override
  public AuthorizationResult authorize(AuthorizationAttributes attributes) {
    return AuthorizationResult.allow("");
  }
}
