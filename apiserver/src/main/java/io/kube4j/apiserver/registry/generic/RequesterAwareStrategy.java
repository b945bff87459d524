package io.kube4j.apiserver.registry.generic;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kube4j.apiserver.authn.UserInfo;
import java.util.Optional;

/**
 * An optional capability of a strategy: the new object records who asked for it, from the request
 * rather than from the body (upstream reads {@code UserFrom(ctx)} in {@code PrepareForCreate}). A
 * CertificateSigningRequest's {@code spec.username} and {@code spec.groups} come from here, so nobody
 * can ask for a certificate in someone else's name.
 */
public interface RequesterAwareStrategy<T extends HasMetadata> {

  /** Sets the fields naming the requester; {@code user} is empty for an unauthenticated request. */
  void recordRequester(T obj, Optional<UserInfo> user);
}
