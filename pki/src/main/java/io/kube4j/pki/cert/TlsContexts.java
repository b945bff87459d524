package io.kube4j.pki.cert;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * JSSE contexts built from kube4j's key material, for Java clients (the launcher's readiness
 * probe, tests) and servers that use plain JSSE. Netty servers read the PEM files directly.
 */
public final class TlsContexts {

  private TlsContexts() {}

  /**
   * A client context that trusts only {@code trustedCas} and, when given, presents {@code identity}
   * as its client certificate (how kubectl authenticates with {@code client-certificate-data}).
   */
  public static SSLContext client(List<X509Certificate> trustedCas, Optional<CertAndKey> identity) {
    return context(identity.map(TlsContexts::keyManagers).orElse(null), trustManagers(trustedCas));
  }

  /** A server context presenting {@code serving} and verifying client certificates against {@code clientCas}. */
  public static SSLContext server(CertAndKey serving, List<X509Certificate> clientCas) {
    return context(keyManagers(serving), trustManagers(clientCas));
  }

  public static KeyManager[] keyManagers(CertAndKey identity) {
    try {
      // the password only protects the entry inside this in-memory store, which never leaves the JVM
      char[] password = Long.toHexString(new SecureRandom().nextLong()).toCharArray();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("identity", identity.privateKey(), password, new Certificate[] {identity.certificate()});
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, password);
      return factory.getKeyManagers();
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("unusable key material for " + identity.certificate().getSubjectX500Principal(), e);
    }
  }

  public static TrustManager[] trustManagers(List<X509Certificate> trustedCas) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < trustedCas.size(); i++) {
        store.setCertificateEntry("ca-" + i, trustedCas.get(i));
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers();
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("unusable CA certificates", e);
    }
  }

  private static SSLContext context(KeyManager[] keyManagers, TrustManager[] trustManagers) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, trustManagers, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no TLS", e);
    }
  }
}
