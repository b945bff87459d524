package io.kube4j.apiserver.admission.plugins.certificates;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.ValidatingAdmission;
import io.kube4j.apiserver.authorization.Authorizer;

/**
 * {@code CertificateApproval}: writing {@code certificatesigningrequests/approval} needs {@code approve}
 * on the request's signer, so being allowed to update the subresource is not enough to approve
 * requests for any signer.
 */
public final class CertificateApproval implements ValidatingAdmission {

  private final SignerAuthorization signers;

  public CertificateApproval(Authorizer authorizer) {
    this.signers = new SignerAuthorization(authorizer);
  }

  @Override
  public String name() {
    return "CertificateApproval";
  }

  @Override
  public boolean handles(Attributes.Operation operation) {
    return operation == Attributes.Operation.UPDATE;
  }

  @Override
  public void validate(Attributes a) {
    if (!SignerAuthorization.about(a, "approval") || a.object().isEmpty()) {
      return;
    }
    String signer = SignerAuthorization.signerName((CertificateSigningRequest) a.object().get());
    if (!signers.allowed(a.user(), "approve", signer)) {
      throw SignerAuthorization.forbidden(a, "user not permitted to approve requests with signerName \""
          + signer + "\"");
    }
  }
}
