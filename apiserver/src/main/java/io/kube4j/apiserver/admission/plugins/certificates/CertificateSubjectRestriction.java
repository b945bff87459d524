package io.kube4j.apiserver.admission.plugins.certificates;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.ValidatingAdmission;
import io.kube4j.pki.csr.CertificateRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code CertificateSubjectRestriction}: a request to the {@code kubernetes.io/kube-apiserver-client}
 * signer may not name the {@code system:masters} group, whose members pass every authorization check.
 */
public final class CertificateSubjectRestriction implements ValidatingAdmission {

  static final String API_SERVER_CLIENT_SIGNER = "kubernetes.io/kube-apiserver-client";

  @Override
  public String name() {
    return "CertificateSubjectRestriction";
  }

  @Override
  public boolean handles(Attributes.Operation operation) {
    return operation == Attributes.Operation.CREATE;
  }

  @Override
  public void validate(Attributes a) {
    if (!SignerAuthorization.about(a, "") || a.object().isEmpty()) {
      return;
    }
    CertificateSigningRequest csr = (CertificateSigningRequest) a.object().get();
    if (!API_SERVER_CLIENT_SIGNER.equals(SignerAuthorization.signerName(csr))) {
      return;
    }
    // the strategy already validated the request, so it parses
    CertificateRequest request = CertificateRequest.parse(
        new String(Base64.getDecoder().decode(csr.getSpec().getRequest()), StandardCharsets.UTF_8));
    if (request.organizations().contains("system:masters")) {
      throw SignerAuthorization.forbidden(a, "use of " + API_SERVER_CLIENT_SIGNER
          + " signer with system:masters group is not allowed");
    }
  }
}
