package io.kube4j.apiserver.admission.plugins.certificates;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.ValidatingAdmission;
import io.kube4j.apiserver.authorization.Authorizer;
import io.kube4j.apiserver.registry.certificates.CsrConditions;
import java.util.Objects;

/**
 * {@code CertificateSigning}: changing {@code status.certificate} through {@code status} needs
 * {@code sign} on the request's signer; other status changes (a Failed condition) do not.
 */
public final class CertificateSigning implements ValidatingAdmission {

  private final SignerAuthorization signers;

  public CertificateSigning(Authorizer authorizer) {
    this.signers = new SignerAuthorization(authorizer);
  }

  @Override
  public String name() {
    return "CertificateSigning";
  }

  @Override
  public boolean handles(Attributes.Operation operation) {
    return operation == Attributes.Operation.UPDATE;
  }

  @Override
  public void validate(Attributes a) {
    if (!SignerAuthorization.about(a, "status") || a.object().isEmpty() || a.oldObject().isEmpty()) {
      return;
    }
    CertificateSigningRequest csr = (CertificateSigningRequest) a.object().get();
    CertificateSigningRequest old = (CertificateSigningRequest) a.oldObject().get();
    if (Objects.equals(CsrConditions.certificate(csr), CsrConditions.certificate(old))) {
      return;
    }
    String signer = SignerAuthorization.signerName(old);
    if (!signers.allowed(a.user(), "sign", signer)) {
      throw SignerAuthorization.forbidden(a, "user not permitted to sign requests with signerName \"" + signer + "\"");
    }
  }
}
