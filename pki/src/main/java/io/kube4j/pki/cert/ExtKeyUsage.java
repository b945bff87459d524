package io.kube4j.pki.cert;

/**
 * Extended key usages kube4j certificates carry. Go refuses a server certificate whose EKU lacks
 * serverAuth, and a client certificate whose EKU lacks clientAuth, so each certificate names its
 * purpose. The OIDs are those of RFC 5280 §4.2.1.12, as {@link java.security.cert.X509Certificate#getExtendedKeyUsage()}
 * reports them.
 */
public enum ExtKeyUsage {
  SERVER_AUTH("1.3.6.1.5.5.7.3.1"),
  CLIENT_AUTH("1.3.6.1.5.5.7.3.2");

  private final String oid;

  ExtKeyUsage(String oid) {
    this.oid = oid;
  }

  public String oid() {
    return oid;
  }
}
