package io.kube4j.pki.cert;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a certificate should say: subject (common name = user name, organizations = groups, as the
 * apiserver's x509 authenticator reads them), alternative names, extended key usages and how long
 * it is valid. Mirrors client-go's {@code cert.Config}.
 */
public record CertConfig(
    String commonName,
    List<String> organizations,
    AltNames altNames,
    Set<ExtKeyUsage> usages,
    Duration validity) {

  /** kubeadm's {@code CertificateValidityPeriod}: leaf certificates live one year. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);

  public CertConfig {
    Objects.requireNonNull(commonName, "commonName");
    if (commonName.isBlank()) {
      throw new IllegalArgumentException("a certificate needs a common name");
    }
    organizations = List.copyOf(organizations);
    Objects.requireNonNull(altNames, "altNames");
    usages = Set.copyOf(usages);
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive, got " + validity);
    }
  }

  /** A client certificate authenticating user {@code commonName} in {@code groups}. */
  public static CertConfig client(String commonName, List<String> groups) {
    return new CertConfig(commonName, groups, AltNames.none(), Set.of(ExtKeyUsage.CLIENT_AUTH), DEFAULT_VALIDITY);
  }

  /** A serving certificate for the given names and addresses. */
  public static CertConfig server(String commonName, AltNames altNames) {
    return new CertConfig(commonName, List.of(), altNames, Set.of(ExtKeyUsage.SERVER_AUTH), DEFAULT_VALIDITY);
  }

  public CertConfig withValidity(Duration newValidity) {
    return new CertConfig(commonName, organizations, altNames, usages, newValidity);
  }
}
