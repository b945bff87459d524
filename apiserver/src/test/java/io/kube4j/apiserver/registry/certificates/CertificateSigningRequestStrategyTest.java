package io.kube4j.apiserver.registry.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestBuilder;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestCondition;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestConditionBuilder;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.authn.UserInfo;
import io.kube4j.pki.cert.AltNames;
import io.kube4j.pki.cert.KeyAlgorithm;
import io.kube4j.pki.csr.CertificateRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertificateSigningRequestStrategyTest {

  private final CertificateSigningRequestStrategy strategy = new CertificateSigningRequestStrategy(
      Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void theRequesterComesFromTheRequestAndTheStatusStartsEmpty() {
    CertificateSigningRequest csr = csr();
    csr.getSpec().setUsername("cluster-admin");
    csr.getSpec().setGroups(List.of("system:masters"));
    csr.getStatus().setConditions(List.of(condition("Approved")));

    strategy.recordRequester(csr, Optional.of(new UserInfo("jane", "u-1", List.of("dev", "system:authenticated"),
        Map.of("scopes", List.of("a")))));
    strategy.prepareForCreate(csr);

    assertThat(csr.getSpec().getUsername()).isEqualTo("jane");
    assertThat(csr.getSpec().getUid()).isEqualTo("u-1");
    assertThat(csr.getSpec().getGroups()).containsExactly("dev", "system:authenticated");
    assertThat(csr.getSpec().getExtra()).containsEntry("scopes", List.of("a"));
    assertThat(csr.getStatus().getConditions()).isNullOrEmpty();
    assertThat(strategy.validate(csr)).isEmpty();
  }

  @Test
  void approvalChangesOnlyConditionsAndStampsThem() {
    CertificateSigningRequest old = csr();
    CertificateSigningRequest next = csr();
    next.getSpec().setSignerName("example.com/other");
    next.getStatus().setCertificate("Zm9v");
    next.getStatus().setConditions(new ArrayList<>(List.of(condition("Approved"))));

    var approval = strategy.subresourceStrategy("approval").orElseThrow();
    approval.prepareForUpdate(next, old);

    assertThat(next.getSpec().getSignerName()).isEqualTo("kubernetes.io/kube-apiserver-client");
    assertThat(next.getStatus().getCertificate()).isNull();
    assertThat(next.getStatus().getConditions().get(0).getLastUpdateTime()).isEqualTo("2026-12-06T10:00:00Z");
    assertThat(next.getStatus().getConditions().get(0).getLastTransitionTime()).isEqualTo("2026-12-06T10:00:00Z");
    assertThat(approval.validateUpdate(next, old)).isEmpty();
  }

  @Test
  void approvedAndDeniedTogetherAreRefusedAndApprovalCannotBeWithdrawn() {
    CertificateSigningRequest approved = csr();
    approved.getStatus().setConditions(new ArrayList<>(List.of(condition("Approved"))));
    CertificateSigningRequest both = csr();
    both.getStatus().setConditions(new ArrayList<>(List.of(condition("Approved"), condition("Denied"))));
    CertificateSigningRequest withdrawn = csr();

    var approval = strategy.subresourceStrategy("approval").orElseThrow();
    assertThat(messages(approval.validateUpdate(both, approved))).containsExactly(
        "status.conditions: Invalid value: []certificates.CertificateSigningRequestCondition{...}: Approved and "
            + "Denied conditions are mutually exclusive");
    assertThat(messages(approval.validateUpdate(withdrawn, approved))).containsExactly(
        "status.conditions: Forbidden: updates may not remove a condition of type \"Approved\"");
  }

  @Test
  void theSignerCannotApproveThroughStatusNorReplaceAnIssuedCertificate() {
    CertificateSigningRequest old = csr();
    CertificateSigningRequest next = csr();
    next.getStatus().setConditions(new ArrayList<>(List.of(condition("Approved"), condition("Failed"))));

    var status = strategy.subresourceStrategy("status").orElseThrow();
    status.prepareForUpdate(next, old);
    assertThat(next.getStatus().getConditions()).extracting(CertificateSigningRequestCondition::getType)
        .containsExactly("Failed");

    CertificateSigningRequest issued = csr();
    issued.getStatus().setCertificate(Base64.getEncoder().encodeToString("x".getBytes(StandardCharsets.UTF_8)));
    CertificateSigningRequest replaced = csr();
    assertThat(messages(status.validateUpdate(replaced, issued))).containsExactly(
        "status.certificate: Invalid value: \"<certificate data>\": updates may not modify existing certificate content");
  }

  @Test
  void signerNamesFollowUpstreamsRule() {
    assertThat(messages(CsrValidation.validateSignerName(io.kube4j.apiserver.validation.Path.root("spec", "signerName"),
        "example/x"))).containsExactly("spec.signerName: Invalid value: \"example\": should be a domain with at "
            + "least two segments separated by dots");
    assertThat(CsrValidation.validateSignerName(io.kube4j.apiserver.validation.Path.root("s"), "example.com/x-y"))
        .isEmpty();
    CertificateSigningRequest legacy = csr();
    legacy.getSpec().setSignerName("kubernetes.io/legacy-unknown");
    assertThat(messages(strategy.validate(legacy))).containsExactly("spec.signerName: Invalid value: "
        + "\"kubernetes.io/legacy-unknown\": the legacy signerName is not allowed via this API version");
  }

  private static List<String> messages(List<FieldError> errors) {
    return errors.stream().map(FieldError::message).toList();
  }

  private static CertificateSigningRequestCondition condition(String type) {
    return new CertificateSigningRequestConditionBuilder().withType(type).withStatus("True").build();
  }

  private static CertificateSigningRequest csr() {
    String pem = CertificateRequest.create("jane", List.of("dev"), AltNames.none(), KeyAlgorithm.ECDSA_P256.generate());
    return new CertificateSigningRequestBuilder().withNewMetadata().withName("c").withResourceVersion("7").endMetadata()
        .withNewSpec().withRequest(Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8)))
        .withSignerName("kubernetes.io/kube-apiserver-client").withUsages("client auth").endSpec()
        .withNewStatus().endStatus().build();
  }
}
