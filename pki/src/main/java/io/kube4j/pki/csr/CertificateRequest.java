package io.kube4j.pki.csr;

import io.kube4j.pki.cert.AltNames;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralNamesBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * What a PKCS#10 request asks for: a subject (common name = user, organizations = groups), alternative
 * names and the requester's public key. The requester keeps its private key; the signer never sees it.
 *
 * @param commonName the subject's CN, empty when absent
 * @param organizations the subject's O values, in order
 * @param altNames DNS names and IP addresses of the subjectAltName extension
 * @param emailAddresses e-mail addresses of the subjectAltName extension
 * @param publicKey the key the certificate will be issued for
 */
public record CertificateRequest(String commonName, List<String> organizations, AltNames altNames,
    List<String> emailAddresses, PublicKey publicKey) {

  private static final String PEM_TYPE = "CERTIFICATE REQUEST";

  public CertificateRequest {
    organizations = List.copyOf(organizations);
    emailAddresses = List.copyOf(emailAddresses);
  }

  /**
   * Parses the first PEM block of {@code pem} as {@code certificates.ParseCSR} does, and checks the
   * request's self-signature (proof that the requester holds the private key).
   *
   * @throws IllegalArgumentException with upstream's message when it is not a signed request
   */
  public static CertificateRequest parse(String pem) {
    PemObject block;
    try (PemReader reader = new PemReader(new StringReader(pem))) {
      block = reader.readPemObject();
    } catch (IOException | RuntimeException e) {
      block = null;
    }
    if (block == null || !block.getType().equals(PEM_TYPE)) {
      throw new IllegalArgumentException("PEM block type must be CERTIFICATE REQUEST");
    }
    JcaPKCS10CertificationRequest request;
    PublicKey key;
    try {
      request = new JcaPKCS10CertificationRequest(block.getContent());
      key = request.getPublicKey();
    } catch (IOException | RuntimeException | java.security.GeneralSecurityException e) {
      throw new IllegalArgumentException("x509: malformed certificate request");
    }
    try {
      if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
        throw new IllegalArgumentException("x509: ECDSA verification failure");
      }
    } catch (OperatorCreationException | PKCSException e) {
      throw new IllegalArgumentException("x509: cannot verify signature: " + e.getMessage());
    }
    return fromRequest(request, key);
  }

  /**
   * A request for {@code commonName} in {@code organizations}, signed with {@code keys}: what an agent
   * sends when it joins with a bootstrap token ({@code cert.MakeCSR}).
   */
  public static String create(String commonName, List<String> organizations, AltNames altNames, KeyPair keys) {
    X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
    organizations.forEach(o -> subject.addRDN(BCStyle.O, o));
    subject.addRDN(BCStyle.CN, commonName);
    JcaPKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(subject.build(),
        keys.getPublic());
    try {
      if (!altNames.isEmpty()) {
        GeneralNamesBuilder names = new GeneralNamesBuilder();
        altNames.dnsNames().forEach(d -> names.addName(new GeneralName(GeneralName.dNSName, d)));
        altNames.ips().forEach(ip -> names.addName(new GeneralName(GeneralName.iPAddress,
            new DEROctetString(ip.getAddress()))));
        Extensions extensions = new Extensions(new Extension(Extension.subjectAlternativeName, false,
            new DEROctetString(names.build())));
        builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions);
      }
      String algorithm = "RSA".equals(keys.getPublic().getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
      ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(keys.getPrivate());
      PKCS10CertificationRequest request = builder.build(signer);
      StringWriter out = new StringWriter();
      try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
        pem.writeObject(new PemObject(PEM_TYPE, request.getEncoded()));
      }
      return out.toString();
    } catch (IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot create a certificate request for " + commonName, e);
    }
  }

  private static CertificateRequest fromRequest(PKCS10CertificationRequest request, PublicKey key) {
    X500Name subject = request.getSubject();
    String cn = "";
    List<String> orgs = new ArrayList<>();
    for (RDN rdn : subject.getRDNs()) {
      var first = rdn.getFirst();
      String value = IETFUtils.valueToString(first.getValue());
      if (first.getType().equals(BCStyle.CN)) {
        cn = value;
      } else if (first.getType().equals(BCStyle.O)) {
        orgs.add(value);
      }
    }
    List<String> dns = new ArrayList<>();
    List<InetAddress> ips = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    for (Attribute attribute : request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
      for (ASN1Encodable value : attribute.getAttributeValues()) {
        GeneralNames names = GeneralNames.fromExtensions(Extensions.getInstance(value),
            Extension.subjectAlternativeName);
        if (names == null) {
          continue;
        }
        for (GeneralName name : names.getNames()) {
          switch (name.getTagNo()) {
            case GeneralName.dNSName -> dns.add(name.getName().toString());
            case GeneralName.rfc822Name -> emails.add(name.getName().toString());
            case GeneralName.iPAddress -> ips.add(address(name));
            default -> { }
          }
        }
      }
    }
    return new CertificateRequest(cn, orgs, new AltNames(dns, ips), emails, key);
  }

  private static InetAddress address(GeneralName name) {
    try {
      return InetAddress.getByAddress(DEROctetString.getInstance(name.getName()).getOctets());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("x509: malformed IP address in subjectAltName", e);
    }
  }
}
