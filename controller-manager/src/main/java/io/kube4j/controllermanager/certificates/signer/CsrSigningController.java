package io.kube4j.controllermanager.certificates.signer;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestCondition;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.controllermanager.certificates.CsrController;
import io.kube4j.controllermanager.certificates.Csrs;
import io.kube4j.controllermanager.certificates.KubeletCsr;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.pki.ca.CertificateAuthority;
import io.kube4j.pki.cert.CertConfig;
import io.kube4j.pki.cert.ExtKeyUsage;
import io.kube4j.pki.cert.Pem;
import io.kube4j.pki.csr.CertificateRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** Signs approved requests for the built-in signers ({@code signer.CSRSigningController}). */
public final class CsrSigningController {

  public static final String NAME = "certificatesigningrequest-signing-controller";
  public static final String SERVICE_ACCOUNT = "certificate-controller";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("csrsigning"),
      false, CsrSigningController::start);
  /** {@code --cluster-signing-duration}'s default: one year. */
  public static final Duration DEFAULT_SIGNING_DURATION = Duration.ofHours(8760);
  private static final Duration MIN_DURATION = Duration.ofMinutes(10);
  private static final Set<String> CLIENT_USAGES = Set.of("digital signature", "key encipherment", "client auth");

  /** Why a request does not fit a signer, or empty when it does ({@code isRequestForSignerFn}). */
  private static final Map<String, BiFunction<CertificateRequest, List<String>, Optional<String>>> SIGNERS = Map.of(
      Csrs.CLIENT_KUBELET_SIGNER, KubeletCsr::clientProblem,
      Csrs.KUBELET_SERVING_SIGNER, KubeletCsr::servingProblem,
      Csrs.CLIENT_SIGNER, CsrSigningController::clientProblem);

  private final KubernetesClient client;
  private final CertificateAuthority ca;
  private final Duration maxDuration;

  CsrSigningController(KubernetesClient client, CertificateAuthority ca, Duration maxDuration) {
    this.client = client;
    this.ca = ca;
    this.maxDuration = maxDuration;
  }

  static AutoCloseable start(ControllerContext context) throws Exception {
    var options = context.options();
    if (options.clusterSigningCertFile().isEmpty() || options.clusterSigningKeyFile().isEmpty()) {
      throw new IllegalArgumentException(NAME + " needs --cluster-signing-cert-file and --cluster-signing-key-file");
    }
    CertificateAuthority ca = CertificateAuthority.read(options.clusterSigningCertFile().get(),
        options.clusterSigningKeyFile().get(), Clock.systemUTC());
    CsrSigningController signer = new CsrSigningController(context.clientFor(SERVICE_ACCOUNT), ca,
        options.clusterSigningDuration());
    return new CsrController(NAME, context, signer::handle)
        .start(1);
  }

  void handle(CertificateSigningRequest csr) {
    if (!Csrs.hasCondition(csr, "Approved") || Csrs.hasCondition(csr, "Denied") || Csrs.hasCondition(csr, "Failed")
        || Csrs.isIssued(csr)) {
      return;
    }
    var fits = SIGNERS.get(Csrs.signerName(csr));
    if (fits == null) {
      return;  // another signer's request: not ours to sign
    }
    CertificateRequest request = Csrs.request(csr);
    Optional<String> problem = fits.apply(request, Csrs.usages(csr));
    if (problem.isEmpty() && request.commonName().isEmpty()) {
      problem = Optional.of("subject common name is empty");
    }
    if (problem.isPresent()) {
      fail(csr, problem.get());
      return;
    }
    CertConfig config = new CertConfig(request.commonName(), request.organizations(), request.altNames(),
        extendedKeyUsages(Csrs.usages(csr)), duration(csr));
    String pem = Pem.encode(ca.sign(config, request.publicKey()));
    csr.getStatus().setCertificate(Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8)));
    client.certificates().v1().certificateSigningRequests().resource(csr).subresource("status").update();
  }

  /** {@code DurationFromExpirationSeconds}: what the requester asked for, within [10m, --cluster-signing-duration]. */
  Duration duration(CertificateSigningRequest csr) {
    Integer seconds = csr.getSpec().getExpirationSeconds();
    if (seconds == null) {
      return maxDuration;
    }
    Duration asked = Duration.ofSeconds(seconds);
    return asked.compareTo(MIN_DURATION) < 0 ? MIN_DURATION : asked.compareTo(maxDuration) > 0 ? maxDuration : asked;
  }

  private void fail(CertificateSigningRequest csr, String message) {
    CertificateSigningRequestCondition failed = new CertificateSigningRequestConditionBuilder().withType("Failed")
        .withStatus("True").withReason("SignerValidationFailure").withMessage(message).build();
    List<CertificateSigningRequestCondition> conditions = new ArrayList<>(Csrs.conditions(csr));
    conditions.add(failed);
    csr.getStatus().setConditions(conditions);
    client.certificates().v1().certificateSigningRequests().resource(csr).subresource("status").update();
  }

  /** {@code kube-apiserver-client}: any subject, but only client usages. */
  static Optional<String> clientProblem(CertificateRequest request, List<String> usages) {
    if (!CLIENT_USAGES.containsAll(usages) || !usages.contains("client auth")) {
      return Optional.of("invalid usage for client certificate: " + String.join(", ", usages));
    }
    return Optional.empty();
  }

  private static Set<ExtKeyUsage> extendedKeyUsages(List<String> usages) {
    Set<ExtKeyUsage> out = EnumSet.noneOf(ExtKeyUsage.class);
    if (usages.contains("client auth")) {
      out.add(ExtKeyUsage.CLIENT_AUTH);
    }
    if (usages.contains("server auth")) {
      out.add(ExtKeyUsage.SERVER_AUTH);
    }
    return out;
  }
}
