package io.kube4j.pki.cert;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * PEM encoding of certificates and keys, in the forms every consumer of kube4j's files reads: Go
 * ({@code tls.X509KeyPair}), Netty's {@code SslContextBuilder} and JSSE. Private keys are written
 * as PKCS#8 ({@code BEGIN PRIVATE KEY}), public keys as PKIX ({@code BEGIN PUBLIC KEY}).
 *
 * <p>Reading is lenient like client-go's {@code keyutil}: PKCS#1 ({@code RSA PRIVATE KEY}) and SEC 1
 * ({@code EC PRIVATE KEY}) keys written by openssl or kubeadm are accepted too.
 */
public final class Pem {

  private static final Base64.Encoder BODY = Base64.getMimeEncoder(64, new byte[] {'\n'});

  private Pem() {}

  public static String encode(X509Certificate certificate) {
    try {
      return block("CERTIFICATE", certificate.getEncoded());
    } catch (CertificateException e) {
      throw new IllegalArgumentException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
    }
  }

  /** PKCS#8: JCA private keys encode themselves in that form. */
  public static String encode(PrivateKey key) {
    return block("PRIVATE KEY", key.getEncoded());
  }

  /** PKIX SubjectPublicKeyInfo, the form of {@code sa.pub} that {@code --service-account-key-file} reads. */
  public static String encode(PublicKey key) {
    return block("PUBLIC KEY", key.getEncoded());
  }

  /** Every certificate in a PEM bundle, in order (a CA bundle may hold several). */
  public static List<X509Certificate> parseCertificates(String pem) {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Object block : blocks(pem)) {
      if (block instanceof X509CertificateHolder holder) {
        certificates.add(certificate(holder));
      }
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("no CERTIFICATE block found");
    }
    return certificates;
  }

  /** The first private key in a PEM document (PKCS#8, PKCS#1 or SEC 1). */
  public static PrivateKey parsePrivateKey(String pem) {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try {
      for (Object block : blocks(pem)) {
        if (block instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (block instanceof PEMKeyPair pair) {
          // the public half of a SEC 1 key is optional: convert only the private half
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable private key: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("no PRIVATE KEY block found");
  }

  /**
   * Every public key in a PEM document. Like upstream's {@code --service-account-key-file}, a file
   * may hold public keys, certificates, or private keys (whose public half is used).
   */
  public static List<PublicKey> parsePublicKeys(String pem) {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    List<PublicKey> keys = new ArrayList<>();
    try {
      for (Object block : blocks(pem)) {
        if (block instanceof SubjectPublicKeyInfo info) {
          keys.add(converter.getPublicKey(info));
        } else if (block instanceof X509CertificateHolder holder) {
          keys.add(certificate(holder).getPublicKey());
        } else if (block instanceof PEMKeyPair pair) {
          keys.add(publicKeyOf(converter.getPrivateKey(pair.getPrivateKeyInfo())));
        } else if (block instanceof PrivateKeyInfo info) {
          keys.add(publicKeyOf(converter.getPrivateKey(info)));
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable key: " + e.getMessage(), e);
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no PUBLIC KEY, CERTIFICATE or PRIVATE KEY block found");
    }
    return keys;
  }

  public static List<X509Certificate> readCertificates(Path file) throws IOException {
    return read(file, Pem::parseCertificates);
  }

  /** The first certificate of the file: the leaf, when the file is a chain. */
  public static X509Certificate readCertificate(Path file) throws IOException {
    return readCertificates(file).get(0);
  }

  public static PrivateKey readPrivateKey(Path file) throws IOException {
    return read(file, Pem::parsePrivateKey);
  }

  public static List<PublicKey> readPublicKeys(Path file) throws IOException {
    return read(file, Pem::parsePublicKeys);
  }

  /**
   * The public half of a private key. An RSA CRT key carries its public exponent; for an EC key
   * the public point is recomputed as {@code d·G} on the key's curve.
   */
  public static PublicKey publicKeyOf(PrivateKey key) {
    try {
      if (key instanceof RSAPrivateCrtKey rsa) {
        return KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
      }
      if (key instanceof ECPrivateKey ec) {
        ECPoint q = EC5Util.convertSpec(ec.getParams()).getG().multiply(ec.getS()).normalize();
        java.security.spec.ECPoint w = new java.security.spec.ECPoint(
            q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, ec.getParams()));
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot derive the public key of a " + key.getAlgorithm() + " key", e);
    }
    throw new IllegalArgumentException("cannot derive the public key of a " + key.getAlgorithm() + " key");
  }

  private interface Parser<T> {
    T parse(String pem);
  }

  private static <T> T read(Path file, Parser<T> parser) throws IOException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    try {
      return parser.parse(pem);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static List<Object> blocks(String pem) {
    List<Object> blocks = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
        blocks.add(block);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed PEM: " + e.getMessage(), e);
    }
    return blocks;
  }

  private static X509Certificate certificate(X509CertificateHolder holder) {
    try {
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (CertificateException e) {
      throw new IllegalArgumentException("malformed certificate: " + e.getMessage(), e);
    }
  }

  private static String block(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + BODY.encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
