package io.kube4j.pki;

import io.kube4j.pki.ca.CertificateAuthority;
import io.kube4j.pki.cert.AltNames;
import io.kube4j.pki.cert.CertAndKey;
import io.kube4j.pki.cert.CertConfig;
import io.kube4j.pki.cert.ExtKeyUsage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Decides whether an existing certificate can stay: kubeadm's "use the existing certificate if it
 * is valid" check ({@code phases/certs/certs.go}), extended to reissue a serving certificate that
 * lacks a name the cluster now needs (a new advertise address after a network change, say).
 */
final class CertificateFit {

  private CertificateFit() {}

  /** Why {@code existing} does not fit {@code desired}, or empty when it does. */
  static Optional<String> misfit(CertAndKey existing, CertConfig desired, CertificateAuthority ca, Instant now) {
    X509Certificate cert = existing.certificate();
    if (!ca.issued(cert)) {
      return Optional.of("not signed by the cluster CA");
    }
    if (!existing.keyMatchesCertificate()) {
      return Optional.of("key does not match certificate");
    }
    if (!cert.getNotAfter().toInstant().isAfter(now)) {
      return Optional.of("expired on " + cert.getNotAfter().toInstant());
    }
    X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    if (!values(subject, BCStyle.CN).equals(List.of(desired.commonName()))) {
      return Optional.of("common name is " + values(subject, BCStyle.CN) + ", want " + desired.commonName());
    }
    if (!new HashSet<>(values(subject, BCStyle.O)).equals(new HashSet<>(desired.organizations()))) {
      return Optional.of("organizations are " + values(subject, BCStyle.O) + ", want " + desired.organizations());
    }
    List<String> usages;
    try {
      usages = cert.getExtendedKeyUsage() == null ? List.of() : cert.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      return Optional.of("unreadable extended key usage");
    }
    for (ExtKeyUsage usage : desired.usages()) {
      if (!usages.contains(usage.oid())) {
        return Optional.of("lacks extended key usage " + usage);
      }
    }
    AltNames present = altNames(cert);
    if (!present.covers(desired.altNames())) {
      return Optional.of("lacks names " + missing(present, desired.altNames()));
    }
    return Optional.empty();
  }

  /** Every value of attribute {@code type}, multi-valued RDNs included, in order. */
  static List<String> values(X500Name name, ASN1ObjectIdentifier type) {
    List<String> values = new ArrayList<>();
    for (RDN rdn : name.getRDNs()) {
      for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
        if (value.getType().equals(type)) {
          values.add(IETFUtils.valueToString(value.getValue()));
        }
      }
    }
    return values;
  }

  static AltNames altNames(X509Certificate cert) {
    List<String> dns = new ArrayList<>();
    List<InetAddress> ips = new ArrayList<>();
    try {
      Collection<List<?>> names = cert.getSubjectAlternativeNames();
      if (names != null) {
        for (List<?> entry : names) {
          int type = (Integer) entry.get(0);
          if (type == 2) {
            dns.add((String) entry.get(1));
          } else if (type == 7) {
            ips.add(InetAddress.getByName((String) entry.get(1)));
          }
        }
      }
    } catch (CertificateParsingException | UnknownHostException e) {
      return AltNames.none();
    }
    return new AltNames(dns, ips);
  }

  private static List<String> missing(AltNames present, AltNames wanted) {
    List<String> missing = new ArrayList<>();
    wanted.dnsNames().stream().filter(n -> !present.dnsNames().contains(n)).forEach(missing::add);
    wanted.ips().stream().filter(ip -> !present.ips().contains(ip)).map(InetAddress::getHostAddress).forEach(missing::add);
    return missing;
  }
}
