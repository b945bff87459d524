package io.kube4j.apiserver.authorization;

/** What one authorizer concluded ({@code authorizer.Decision} upstream). */
public enum Decision {
  /** The request may go on; later authorizers are not asked. */
  ALLOW,
  /** The request is forbidden; later authorizers are not asked. */
  DENY,
  /** This authorizer does not decide; ask the next one. All having no opinion is a denial. */
  NO_OPINION
}
