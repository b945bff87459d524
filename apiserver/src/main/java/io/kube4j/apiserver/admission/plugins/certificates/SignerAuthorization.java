package io.kube4j.apiserver.admission.plugins.certificates;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.authn.UserInfo;
import io.kube4j.apiserver.authorization.AuthorizationAttributes;
import io.kube4j.apiserver.authorization.Authorizer;
import java.util.Optional;

/**
 * {@code IsAuthorizedForSignerName}: a verb on {@code signers} named after the signer, or on the
 * wildcard of its domain ({@code example.com/*}), grants approving or signing for that signer.
 */
final class SignerAuthorization {

  static final String GROUP = "certificates.k8s.io";
  static final String RESOURCE = "certificatesigningrequests";

  private final Authorizer authorizer;

  SignerAuthorization(Authorizer authorizer) {
    this.authorizer = authorizer;
  }

  boolean allowed(Optional<UserInfo> user, String verb, String signerName) {
    if (user.isEmpty()) {
      return false;
    }
    if (allowedFor(user.get(), verb, signerName)) {
      return true;
    }
    int slash = signerName.indexOf('/');
    return slash > 0 && allowedFor(user.get(), verb, signerName.substring(0, slash) + "/*");
  }

  private boolean allowedFor(UserInfo user, String verb, String name) {
    return authorizer.authorize(AuthorizationAttributes.resource(user, verb, "", GROUP, "*", "signers", "", name))
        .allowed();
  }

  /** Whether the request is a write to {@code certificatesigningrequests[/subresource]}. */
  static boolean about(Attributes a, String subresource) {
    return a.resource().group().equals(GROUP) && a.resource().resource().equals(RESOURCE)
        && a.subresource().equals(subresource);
  }

  static String signerName(CertificateSigningRequest csr) {
    return csr.getSpec() == null || csr.getSpec().getSignerName() == null ? "" : csr.getSpec().getSignerName();
  }

  /** {@code admission.NewForbidden}: {@code certificatesigningrequests.certificates.k8s.io "x" is forbidden: ...}. */
  static StatusException forbidden(Attributes a, String why) {
    return StatusException.forbidden(a.resource().groupResource(), a.name(), why);
  }
}
