package io.kube4j.apiserver.authorization;

/** One authorization mode, e.g. RBAC or Node ({@code authorizer.Authorizer} upstream). Thread safe. */
public interface Authorizer {

  AuthorizationResult authorize(AuthorizationAttributes attributes);
}
