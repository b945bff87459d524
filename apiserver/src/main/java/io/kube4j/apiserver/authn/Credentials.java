package io.kube4j.apiserver.authn;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What a request presented to prove who it is: the TLS client certificate chain (leaf first; empty
 * when none) and the bearer token of the {@code Authorization} header.
 */
public record Credentials(List<X509Certificate> clientCertificates, Optional<String> bearerToken) {

  public static final Credentials NONE = new Credentials(List.of(), Optional.empty());
}
