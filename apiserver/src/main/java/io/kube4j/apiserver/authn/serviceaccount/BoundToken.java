package io.kube4j.apiserver.authn.serviceaccount;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a service-account token says ({@code privateClaims} upstream): whose it is, for whom
 * (audiences), until when, and the object it is bound to.
 *
 * @param boundKind {@code Pod} or {@code Secret} when bound, else empty
 */
public record BoundToken(String namespace, String serviceAccount, String serviceAccountUid, List<String> audiences,
    Instant issuedAt, Instant expiresAt, Optional<String> boundKind, Optional<String> boundName,
    Optional<String> boundUid, String id) {

  /** {@code system:serviceaccount:<namespace>:<name>}. */
  public String userName() {
    return "system:serviceaccount:" + namespace + ":" + serviceAccount;
  }
}
