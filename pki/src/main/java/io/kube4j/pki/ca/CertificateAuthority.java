package io.kube4j.pki.ca;

import io.kube4j.pki.cert.AltNames;
import io.kube4j.pki.cert.CertAndKey;
import io.kube4j.pki.cert.CertConfig;
import io.kube4j.pki.cert.ExtKeyUsage;
import io.kube4j.pki.cert.KeyAlgorithm;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority: a CA certificate and the key that signs leaf certificates with it.
 * The cluster CA is self-signed with common name {@code kubernetes}, like kubeadm's.
 *
 * <p>Thread-safe: the state is immutable and signing creates a fresh signer per certificate.
 */
public final class CertificateAuthority {

  /** kubeadm's {@code CACertificateValidityPeriod}: ten years. */
  public static final Duration CA_VALIDITY = Duration.ofDays(3650);

  /**
   * Certificates start this long before "now" so that a node whose clock lags the CA's a little
   * still accepts them (kubeadm's {@code CertificateBackdate}).
   */
  static final Duration BACKDATE = Duration.ofMinutes(5);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final CertAndKey certAndKey;
  private final Clock clock;

  private CertificateAuthority(CertAndKey certAndKey, Clock clock) {
    this.certAndKey = certAndKey;
    this.clock = clock;
  }

  /** A new self-signed CA with a fresh key. */
  public static CertificateAuthority create(String commonName, KeyAlgorithm algorithm, Clock clock) {
    KeyPair keys = algorithm.generate();
    Instant now = clock.instant();
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serialNumber(),
        Date.from(now.minus(BACKDATE)), Date.from(now.plus(CA_VALIDITY)), subject, keys.getPublic());
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyCertSign));
      builder.addExtension(Extension.subjectKeyIdentifier, false,
          extensions.createSubjectKeyIdentifier(keys.getPublic()));
      // client-go's NewSelfSignedCACert names the CA's common name as its only DNS name
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(new GeneralName(GeneralName.dNSName, commonName)));
    } catch (CertIOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build CA certificate", e);
    }
    X509Certificate certificate = sign(builder, keys.getPrivate());
    return new CertificateAuthority(new CertAndKey(certificate, keys.getPrivate()), clock);
  }

  /** An existing CA, e.g. read back from {@code ca.crt}/{@code ca.key}. */
  public static CertificateAuthority of(CertAndKey certAndKey, Clock clock) {
    if (certAndKey.certificate().getBasicConstraints() < 0) {
      throw new IllegalArgumentException(certAndKey.certificate().getSubjectX500Principal() + " is not a CA certificate");
    }
    if (!certAndKey.keyMatchesCertificate()) {
      throw new IllegalArgumentException("the CA key does not belong to the CA certificate");
    }
    return new CertificateAuthority(certAndKey, clock);
  }

  public static CertificateAuthority read(Path certificateFile, Path keyFile, Clock clock) throws IOException {
    CertAndKey pair = CertAndKey.read(certificateFile, keyFile);
    try {
      return of(pair, clock);
    } catch (IllegalArgumentException e) {
      throw new IOException(certificateFile + ": " + e.getMessage(), e);
    }
  }

  public X509Certificate certificate() {
    return certAndKey.certificate();
  }

  public CertAndKey certAndKey() {
    return certAndKey;
  }

  /** A new key of {@code algorithm} and a certificate for it, signed by this CA. */
  public CertAndKey issue(CertConfig config, KeyAlgorithm algorithm) {
    KeyPair keys = algorithm.generate();
    return new CertAndKey(sign(config, keys.getPublic()), keys.getPrivate());
  }

  /**
   * Signs a certificate for {@code subjectKey} as {@code config} describes (also how a
   * CertificateSigningRequest gets signed: the requester keeps its private key). The certificate
   * never outlives this CA.
   */
  public X509Certificate sign(CertConfig config, PublicKey subjectKey) {
    X509Certificate ca = certificate();
    Instant now = clock.instant();
    Instant notAfter = now.plus(config.validity());
    if (notAfter.isAfter(ca.getNotAfter().toInstant())) {
      notAfter = ca.getNotAfter().toInstant();
    }
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serialNumber(),
        Date.from(now.minus(BACKDATE)), Date.from(notAfter), subject(config), subjectKey);
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      // kubeadm: key encipherment only makes sense for RSA keys (RSA key exchange)
      int keyUsage = KeyUsage.digitalSignature;
      if ("RSA".equals(subjectKey.getAlgorithm())) {
        keyUsage |= KeyUsage.keyEncipherment;
      }
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
      if (!config.usages().isEmpty()) {
        builder.addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage(config));
      }
      builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
      builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca));
      if (!config.altNames().isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false, generalNames(config.altNames()));
      }
    } catch (CertIOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build certificate for " + config.commonName(), e);
    }
    return sign(builder, certAndKey.privateKey());
  }

  /** True when this CA signed {@code certificate} (issuer name and signature both match). */
  public boolean issued(X509Certificate certificate) {
    if (!certificate.getIssuerX500Principal().equals(certificate().getSubjectX500Principal())) {
      return false;
    }
    try {
      certificate.verify(certificate().getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * Organizations before the common name, the order Go writes a {@code pkix.Name} in (so
   * {@code openssl x509 -subject} prints {@code O = system:masters, CN = kubernetes-admin} as for
   * kubeadm's certificates). One RDN per organization keeps every reader's parsing simple.
   */
  private static X500Name subject(CertConfig config) {
    X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
    for (String organization : config.organizations()) {
      name.addRDN(BCStyle.O, organization);
    }
    return name.addRDN(BCStyle.CN, config.commonName()).build();
  }

  private static ExtendedKeyUsage extendedKeyUsage(CertConfig config) {
    List<KeyPurposeId> purposes = new ArrayList<>();
    for (ExtKeyUsage usage : ExtKeyUsage.values()) {
      if (config.usages().contains(usage)) {
        purposes.add(KeyPurposeId.getInstance(new ASN1ObjectIdentifier(usage.oid())));
      }
    }
    return new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new));
  }

  private static GeneralNames generalNames(AltNames altNames) {
    List<GeneralName> names = new ArrayList<>();
    for (String dns : altNames.dnsNames()) {
      names.add(new GeneralName(GeneralName.dNSName, dns));
    }
    for (InetAddress ip : altNames.ips()) {
      names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(ip.getAddress())));
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
    try {
      var signer = new JcaContentSignerBuilder(KeyAlgorithm.of(signingKey).signatureAlgorithm()).build(signingKey);
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (OperatorCreationException | CertificateException e) {
      throw new IllegalStateException("cannot sign certificate", e);
    }
  }

  /** Positive and 127 bits of randomness: unique without bookkeeping (RFC 5280 allows up to 20 octets). */
  private static BigInteger serialNumber() {
    return new BigInteger(127, RANDOM).add(BigInteger.ONE);
  }
}
