package io.kube4j.controllermanager.certificates.approver;

import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestCondition;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestConditionBuilder;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.controllermanager.certificates.CsrController;
import io.kube4j.controllermanager.certificates.Csrs;
import io.kube4j.controllermanager.certificates.KubeletCsr;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.pki.csr.CertificateRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SubjectAccessReview approver ({@code sarApprover}). */
public final class CsrApprovingController {

  private static final Logger LOG = LoggerFactory.getLogger(CsrApprovingController.class);

  public static final String NAME = "certificatesigningrequest-approving-controller";
  public static final String SERVICE_ACCOUNT = "certificate-controller";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("csrapproving"),
      false, CsrApprovingController::start);

  /**
   * A kind of request the approver knows, the permission its requester needs for automatic approval,
   * and the message of the approval.
   */
  record Recognizer(String subresource, BiPredicate<CertificateSigningRequest, CertificateRequest> recognizes,
      String message) {}

  /** Upstream's order: a node renewing its own certificate first, then any node client certificate. */
  static final List<Recognizer> RECOGNIZERS = List.of(
      new Recognizer("selfnodeclient", CsrApprovingController::isSelfNodeClientCert,
          "Auto approving self kubelet client certificate after SubjectAccessReview."),
      new Recognizer("nodeclient", CsrApprovingController::isNodeClientCert,
          "Auto approving kubelet client certificate after SubjectAccessReview."));

  private final KubernetesClient client;

  CsrApprovingController(KubernetesClient client) {
    this.client = client;
  }

  static AutoCloseable start(ControllerContext context) {
    CsrApprovingController approver = new CsrApprovingController(context.clientFor(SERVICE_ACCOUNT));
    return new CsrController(NAME, context, approver::handle)
        .start(1);
  }

  void handle(CertificateSigningRequest csr) {
    if (Csrs.isIssued(csr) || Csrs.hasCondition(csr, "Approved") || Csrs.hasCondition(csr, "Denied")) {
      return;
    }
    CertificateRequest request = Csrs.request(csr);
    List<String> tried = new ArrayList<>();
    for (Recognizer r : RECOGNIZERS) {
      if (!r.recognizes().test(csr, request)) {
        continue;
      }
      tried.add(r.subresource());
      if (authorized(csr, r.subresource())) {
        approve(csr, r.message());
        return;
      }
    }
    if (!tried.isEmpty()) {
      // an ignorable error upstream: logged, not retried; a human may still approve it
      LOG.info("recognized csr {} as {} but subject access review was not approved", csr.getMetadata().getName(),
          tried);
    }
  }

  /** May the requester {@code create certificatesigningrequests/<subresource>}? Asked as the requester. */
  private boolean authorized(CertificateSigningRequest csr, String subresource) {
    var spec = csr.getSpec();
    SubjectAccessReview sar = new SubjectAccessReviewBuilder().withNewSpec()
        .withUser(spec.getUsername()).withUid(spec.getUid()).withGroups(spec.getGroups()).withExtra(spec.getExtra())
        .withNewResourceAttributes().withGroup("certificates.k8s.io").withResource("certificatesigningrequests")
        .withSubresource(subresource).withVerb("create").withVersion("*").endResourceAttributes()
        .endSpec().build();
    SubjectAccessReview answer = client.authorization().v1().subjectAccessReview().create(sar);
    return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
  }

  private void approve(CertificateSigningRequest csr, String message) {
    CertificateSigningRequestCondition approved = new CertificateSigningRequestConditionBuilder()
        .withType("Approved").withStatus("True").withReason("AutoApproved").withMessage(message).build();
    if (csr.getStatus() == null) {
      csr.setStatus(new CertificateSigningRequestStatus());
    }
    List<CertificateSigningRequestCondition> conditions = new ArrayList<>(Csrs.conditions(csr));
    conditions.add(approved);
    csr.getStatus().setConditions(conditions);
    client.certificates().v1().certificateSigningRequests().resource(csr).subresource("approval").update();
  }

  static boolean isNodeClientCert(CertificateSigningRequest csr, CertificateRequest request) {
    return Csrs.CLIENT_KUBELET_SIGNER.equals(Csrs.signerName(csr))
        && KubeletCsr.clientProblem(request, Csrs.usages(csr)).isEmpty();
  }

  static boolean isSelfNodeClientCert(CertificateSigningRequest csr, CertificateRequest request) {
    return request.commonName().equals(csr.getSpec().getUsername()) && isNodeClientCert(csr, request);
  }
}
