package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code kubectl get csr}: NAME AGE SIGNERNAME REQUESTOR REQUESTEDDURATION CONDITION. */
final class CertificateSigningRequestPrinter implements TablePrinter<CertificateSigningRequest> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.age(),
      Columns.string("SignerName", "signerName indicates the requested signer, and is a qualified name."),
      Columns.string("Requestor", "request contains an x509 certificate signing request encoded in a"
          + " \"CERTIFICATE REQUEST\" PEM block."),
      Columns.string("RequestedDuration", "expirationSeconds is the requested duration of validity of the issued"
          + " certificate."),
      Columns.string("Condition", "conditions applied to the request. Known conditions are \"Approved\","
          + " \"Denied\", and \"Failed\"."));

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(CertificateSigningRequest csr, Instant now) {
    var spec = csr.getSpec();
    String signer = spec == null || spec.getSignerName() == null ? Formats.NONE : spec.getSignerName();
    String requestor = spec == null ? "" : Formats.orEmpty(spec.getUsername());
    String duration = spec == null || spec.getExpirationSeconds() == null ? Formats.NONE
        : HumanDuration.format(Duration.ofSeconds(spec.getExpirationSeconds()));
    return List.of(Formats.name(csr), Formats.age(csr, now), signer, requestor, duration, condition(csr));
  }

  /** {@code extractCSRStatus}: Denied wins over Approved, else Pending; then Failed and Issued. */
  static String condition(CertificateSigningRequest csr) {
    boolean approved = false;
    boolean denied = false;
    boolean failed = false;
    var status = csr.getStatus();
    if (status != null && status.getConditions() != null) {
      for (CertificateSigningRequestCondition c : status.getConditions()) {
        approved |= "Approved".equals(c.getType());
        denied |= "Denied".equals(c.getType());
        failed |= "Failed".equals(c.getType());
      }
    }
    String out = denied ? "Denied" : approved ? "Approved" : "Pending";
    if (failed) {
      out += ",Failed";
    }
    if (status != null && status.getCertificate() != null && !status.getCertificate().isEmpty()) {
      out += ",Issued";
    }
    return out;
  }
}
