package io.kube4j.apiserver.authorization;

/**
 * A decision and, for a denial or no opinion, why (appended to the Forbidden message; may be empty).
 */
public record AuthorizationResult(Decision decision, String reason) {

  public static final AuthorizationResult NO_OPINION = new AuthorizationResult(Decision.NO_OPINION, "");

  public static AuthorizationResult allow(String reason) {
    return new AuthorizationResult(Decision.ALLOW, reason);
  }

  public static AuthorizationResult deny(String reason) {
    return new AuthorizationResult(Decision.DENY, reason);
  }

  public boolean allowed() {
    return decision == Decision.ALLOW;
  }
}
