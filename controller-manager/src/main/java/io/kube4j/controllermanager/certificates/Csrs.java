package io.kube4j.controllermanager.certificates;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestCondition;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestStatus;
import io.kube4j.pki.csr.CertificateRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Reading a CertificateSigningRequest as the controllers need it ({@code certificates} helpers upstream). */
public final class Csrs {

  public static final String CLIENT_KUBELET_SIGNER = "kubernetes.io/kube-apiserver-client-kubelet";
  public static final String CLIENT_SIGNER = "kubernetes.io/kube-apiserver-client";
  public static final String KUBELET_SERVING_SIGNER = "kubernetes.io/kubelet-serving";

  private Csrs() {}

  public static List<CertificateSigningRequestCondition> conditions(CertificateSigningRequest csr) {
    CertificateSigningRequestStatus s = csr.getStatus();
    return s == null || s.getConditions() == null ? List.of() : s.getConditions();
  }

  public static boolean hasCondition(CertificateSigningRequest csr, String type) {
    return conditions(csr).stream().anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  public static boolean isIssued(CertificateSigningRequest csr) {
    return csr.getStatus() != null && csr.getStatus().getCertificate() != null
        && !csr.getStatus().getCertificate().isEmpty();
  }

  /** The PKCS#10 request inside {@code spec.request} (base64 of PEM). */
  public static CertificateRequest request(CertificateSigningRequest csr) {
    return CertificateRequest.parse(new String(Base64.getDecoder().decode(csr.getSpec().getRequest()),
        StandardCharsets.UTF_8));
  }

  public static List<String> usages(CertificateSigningRequest csr) {
    return csr.getSpec().getUsages() == null ? List.of() : csr.getSpec().getUsages();
  }

  public static String signerName(CertificateSigningRequest csr) {
    return csr.getSpec() == null || csr.getSpec().getSignerName() == null ? "" : csr.getSpec().getSignerName();
  }
}
