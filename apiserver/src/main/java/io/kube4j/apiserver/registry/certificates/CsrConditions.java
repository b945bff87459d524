package io.kube4j.apiserver.registry.certificates;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestCondition;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading a CSR's conditions: {@code Approved}, {@code Denied} and {@code Failed} decide its fate. */
public final class CsrConditions {

  public static final String APPROVED = "Approved";
  public static final String DENIED = "Denied";
  public static final String FAILED = "Failed";

  private CsrConditions() {}

  public static List<CertificateSigningRequestCondition> of(CertificateSigningRequest csr) {
    CertificateSigningRequestStatus status = csr.getStatus();
    return status == null || status.getConditions() == null ? List.of() : status.getConditions();
  }

  /** Conditions of type {@code type}, in order ({@code findConditions}). */
  public static List<CertificateSigningRequestCondition> ofType(CertificateSigningRequest csr, String type) {
    List<CertificateSigningRequestCondition> out = new ArrayList<>();
    for (CertificateSigningRequestCondition c : of(csr)) {
      if (type.equals(c.getType())) {
        out.add(c);
      }
    }
    return out;
  }

  public static boolean has(CertificateSigningRequest csr, String type) {
    return !ofType(csr, type).isEmpty();
  }

  /** Approved and not denied: what a signer waits for ({@code IsCertificateRequestApproved}). */
  public static boolean isApproved(CertificateSigningRequest csr) {
    return has(csr, APPROVED) && !has(csr, DENIED);
  }

  /** {@code status.certificate}, empty while not issued. */
  public static Optional<String> certificate(CertificateSigningRequest csr) {
    return Optional.ofNullable(csr.getStatus()).map(CertificateSigningRequestStatus::getCertificate)
        .filter(c -> !c.isEmpty());
  }
}
