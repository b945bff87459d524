package io.kube4j.apiserver.registry.certificates;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestCondition;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestSpec;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.GoSyntax;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import io.kube4j.pki.cert.Pem;
import io.kube4j.pki.csr.CertificateRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code ValidateCertificateSigningRequestCreate} / {@code ...Update} of {@code pkg/apis/certificates/validation}. */
final class CsrValidation {

  /** {@code allValidUsages}: the key usages a request may ask for. */
  static final Set<String> USAGES = new TreeSet<>(List.of("signing", "digital signature", "content commitment",
      "key encipherment", "key agreement", "data encipherment", "cert sign", "crl sign", "encipher only",
      "decipher only", "any", "server auth", "client auth", "code signing", "email protection", "s/mime",
      "ipsec end system", "ipsec tunnel", "ipsec user", "timestamping", "ocsp signing", "microsoft sgc",
      "netscape sgc"));
  static final String LEGACY_UNKNOWN_SIGNER = "kubernetes.io/legacy-unknown";
  private static final String CERTIFICATE_DATA = "<certificate data>";

  private CsrValidation() {}

  static ErrorList validate(CertificateSigningRequest csr) {
    // "We don't care what you call your certificate requests": no name rule beyond the path segment
    ErrorList errs = ObjectMetaValidation.validateObjectMeta(csr.getMetadata(), false, (n, p) -> List.of(),
        Path.root("metadata"));
    CertificateSigningRequestSpec spec = csr.getSpec() == null ? new CertificateSigningRequestSpec() : csr.getSpec();
    Path specPath = Path.root("spec");
    String requestError = requestError(spec.getRequest());
    if (requestError != null) {
      errs.invalid(specPath.child("request"), new GoSyntax("[]byte{...}"), requestError);
    }
    List<String> usages = spec.getUsages() == null ? List.of() : spec.getUsages();
    if (usages.isEmpty()) {
      errs.required(specPath.child("usages"), "");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < usages.size(); i++) {
      if (!USAGES.contains(usages.get(i))) {
        errs.notSupported(specPath.child("usages").index(i), usages.get(i), USAGES);
      }
      if (!seen.add(usages.get(i))) {
        errs.duplicate(specPath.child("usages").index(i), usages.get(i));
      }
    }
    String signer = spec.getSignerName() == null ? "" : spec.getSignerName();
    if (signer.equals(LEGACY_UNKNOWN_SIGNER)) {
      errs.invalid(specPath.child("signerName"), signer, "the legacy signerName is not allowed via this API version");
    } else {
      errs.addAll(validateSignerName(specPath.child("signerName"), signer));
    }
    if (spec.getExpirationSeconds() != null && spec.getExpirationSeconds() < 600) {
      errs.invalid(specPath.child("expirationSeconds"), spec.getExpirationSeconds(),
          "may not specify a duration less than 600 seconds (10 minutes)");
    }
    errs.addAll(validateConditions(csr));
    CsrConditions.certificate(csr).ifPresent(c -> {
      String error = certificateError(c);
      if (error != null) {
        errs.invalid(Path.root("status", "certificate"), CERTIFICATE_DATA, error);
      }
    });
    return errs;
  }

  /** Approved, Denied and Failed conditions stay, and an issued certificate never changes. */
  static ErrorList validateUpdate(CertificateSigningRequest csr, CertificateSigningRequest old) {
    ErrorList errs = validate(csr);
    for (String type : List.of(CsrConditions.APPROVED, CsrConditions.DENIED, CsrConditions.FAILED)) {
      if (CsrConditions.ofType(csr, type).size() < CsrConditions.ofType(old, type).size()) {
        errs.forbidden(Path.root("status", "conditions"), "updates may not remove a condition of type \"" + type + "\"");
      }
    }
    String oldCertificate = CsrConditions.certificate(old).orElse("");
    if (!oldCertificate.isEmpty() && !oldCertificate.equals(CsrConditions.certificate(csr).orElse(""))) {
      errs.invalid(Path.root("status", "certificate"), CERTIFICATE_DATA,
          "updates may not modify existing certificate content");
    }
    errs.addAll(ObjectMetaValidation.validateObjectMetaUpdate(csr.getMetadata(), old.getMetadata(),
        Path.root("metadata")));
    return errs;
  }

  /** {@code ValidateSignerName}: {@code example.com/signer-name}, both halves made of DNS labels. */
  static ErrorList validateSignerName(Path field, String signer) {
    ErrorList errs = new ErrorList();
    if (signer.isEmpty()) {
      return errs.required(field, "");
    }
    String[] segments = signer.split("/", -1);
    if (segments.length != 2) {
      return errs.invalid(field, signer, "must be a fully qualified domain and path of the form 'example.com/signer-name'");
    }
    if (segments[0].length() > Validation.DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errs.tooLong(field, Validation.DNS1123_SUBDOMAIN_MAX_LENGTH);
    }
    String[] domainLabels = segments[0].split("\\.", -1);
    labelErrors(errs, field, segments[0], domainLabels);
    if (domainLabels.length < 2) {
      errs.invalid(field, segments[0], "should be a domain with at least two segments separated by dots");
    }
    labelErrors(errs, field, segments[1], segments[1].split("\\.", -1));
    int maxPath = Validation.DNS1123_SUBDOMAIN_MAX_LENGTH - segments[0].length() - 1;
    if (segments[1].length() > maxPath) {
      errs.tooLong(field, maxPath);
    }
    return errs;
  }

  /** The first bad label's errors only: the rest would repeat them. */
  private static void labelErrors(ErrorList errs, Path field, String segment, String[] labels) {
    for (String label : labels) {
      List<String> problems = Validation.isDNS1123Label(label);
      if (!problems.isEmpty()) {
        problems.forEach(p -> errs.invalid(field, segment, "validating label \"" + label + "\": " + p));
        return;
      }
    }
  }

  private static ErrorList validateConditions(CertificateSigningRequest csr) {
    ErrorList errs = new ErrorList();
    Path path = Path.root("status", "conditions");
    List<CertificateSigningRequestCondition> conditions = CsrConditions.of(csr);
    Set<String> seenTypes = new HashSet<>();
    boolean approved = false;
    boolean denied = false;
    for (int i = 0; i < conditions.size(); i++) {
      CertificateSigningRequestCondition c = conditions.get(i);
      String type = c.getType() == null ? "" : c.getType();
      String status = c.getStatus() == null ? "" : c.getStatus();
      if (type.isEmpty()) {
        errs.required(path.index(i).child("type"), "");
      }
      if (!Set.of("True", "False", "Unknown").contains(status)) {
        errs.notSupported(path.index(i).child("status"), status, List.of("False", "True", "Unknown"));
      }
      if (!seenTypes.add(type)) {
        errs.duplicate(path.index(i).child("type"), type);
      }
      if (type.equals(CsrConditions.APPROVED) || type.equals(CsrConditions.DENIED)) {
        approved |= type.equals(CsrConditions.APPROVED);
        denied |= type.equals(CsrConditions.DENIED);
        if (!status.equals("True")) {
          errs.notSupported(path.index(i).child("status"), status, List.of("True"));
        }
      }
    }
    if (approved && denied) {
      errs.invalid(path, new GoSyntax("[]certificates.CertificateSigningRequestCondition{...}"),
          "Approved and Denied conditions are mutually exclusive");
    }
    return errs;
  }

  /** Why {@code spec.request} (base64 of a PEM request) is not a signed PKCS#10 request, or null. */
  static String requestError(String request) {
    if (request == null || request.isEmpty()) {
      return "PEM block type must be CERTIFICATE REQUEST";
    }
    try {
      CertificateRequest.parse(new String(Base64.getDecoder().decode(request), StandardCharsets.UTF_8));
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** {@code validateCertificate}: only CERTIFICATE PEM blocks, at least one. */
  private static String certificateError(String certificate) {
    String pem;
    try {
      pem = new String(Base64.getDecoder().decode(certificate), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "must contain at least one CERTIFICATE PEM block";
    }
    for (String line : pem.split("\n")) {
      if (line.startsWith("-----BEGIN ") && !line.equals("-----BEGIN CERTIFICATE-----")) {
        return "only CERTIFICATE PEM blocks are allowed, found \"" + line.substring(11, line.length() - 5) + "\"";
      }
    }
    try {
      return Pem.parseCertificates(pem).isEmpty() ? "must contain at least one CERTIFICATE PEM block" : null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
