package io.kube4j.controllermanager.certificates;

import io.kube4j.pki.csr.CertificateRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a node's certificate requests must look like ({@code ValidateKubeletClientCSR},
 * {@code ValidateKubeletServingCSR}): subject {@code system:node:<name>} in {@code system:nodes}, and
 * only the usages of a client (or serving) certificate.
 */
public final class KubeletCsr {

  public static final String NODES_GROUP = "system:nodes";
  public static final String NODE_PREFIX = "system:node:";
  private static final Set<String> CLIENT_ALLOWED = Set.of("digital signature", "key encipherment", "client auth");
  private static final Set<String> CLIENT_REQUIRED = Set.of("digital signature", "client auth");
  private static final Set<String> SERVING_ALLOWED = Set.of("digital signature", "key encipherment", "server auth");
  private static final Set<String> SERVING_REQUIRED = Set.of("digital signature", "server auth");

  private KubeletCsr() {}

  /** Why this is not a node client certificate request, or empty when it is one. */
  public static Optional<String> clientProblem(CertificateRequest request, List<String> usages) {
    Optional<String> subject = subjectProblem(request);
    if (subject.isPresent()) {
      return subject;
    }
    if (!request.altNames().dnsNames().isEmpty()) {
      return Optional.of("DNS subjectAltNames are not allowed");
    }
    if (!request.emailAddresses().isEmpty()) {
      return Optional.of("Email subjectAltNames are not allowed");
    }
    if (!request.altNames().ips().isEmpty()) {
      return Optional.of("IP subjectAltNames are not allowed");
    }
    return usageProblem(usages, CLIENT_ALLOWED, CLIENT_REQUIRED);
  }

  /** Why this is not a node serving certificate request, or empty when it is one. */
  public static Optional<String> servingProblem(CertificateRequest request, List<String> usages) {
    Optional<String> subject = subjectProblem(request);
    if (subject.isPresent()) {
      return subject;
    }
    if (!request.emailAddresses().isEmpty()) {
      return Optional.of("Email subjectAltNames are not allowed");
    }
    if (request.altNames().isEmpty()) {
      return Optional.of("DNS or IP subjectAltName is required");
    }
    return usageProblem(usages, SERVING_ALLOWED, SERVING_REQUIRED);
  }

  private static Optional<String> subjectProblem(CertificateRequest request) {
    if (!request.organizations().equals(List.of(NODES_GROUP))) {
      return Optional.of("subject organization is not system:nodes");
    }
    if (!request.commonName().startsWith(NODE_PREFIX)) {
      return Optional.of("subject common name does not begin with system:node:");
    }
    return Optional.empty();
  }

  private static Optional<String> usageProblem(List<String> usages, Set<String> allowed, Set<String> required) {
    if (!allowed.containsAll(usages) || !usages.containsAll(required)) {
      return Optional.of("usages did not match " + required.stream().sorted().toList());
    }
    return Optional.empty();
  }
}
