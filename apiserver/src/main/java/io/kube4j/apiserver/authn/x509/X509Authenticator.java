package io.kube4j.apiserver.authn.x509;

import io.kube4j.apiserver.authn.AuthenticationResult;
import io.kube4j.apiserver.authn.Authenticator;
import io.kube4j.apiserver.authn.Credentials;
import io.kube4j.apiserver.authn.UserInfo;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Authenticates by client certificate. The TLS layer accepts any client certificate so that an
 * untrusted one is answered with a 401 Status here (as upstream, which verifies in the
 * authenticator, not in the handshake).
 */
public final class X509Authenticator implements Authenticator {

  /** extendedKeyUsage clientAuth. */
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String ANY_USAGE = "2.5.29.37.0";

  /** Verified chains are remembered: a PKIX check with a signature per request is the costliest step. */
  private static final int MAX_REMEMBERED = 1024;

  private final Set<TrustAnchor> anchors;
  /**
   * Results for certificates already verified, by leaf certificate. An entry is trusted only while the
   * certificate is within its validity period, which is checked on every use.
   */
  private final Map<X509Certificate, AuthenticationResult> verified = new ConcurrentHashMap<>();

  public X509Authenticator(List<X509Certificate> clientCa) {
    this.anchors = clientCa.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet());
  }

  @Override
  public AuthenticationResult authenticate(Credentials credentials) {
    List<X509Certificate> chain = credentials.clientCertificates();
    if (chain.isEmpty()) {
      return new AuthenticationResult.NoOpinion();
    }
    X509Certificate leaf = chain.get(0);
    AuthenticationResult known = verified.get(leaf);
    if (known != null && chain.size() == 1) {
      try {
        leaf.checkValidity();
        return known;
      } catch (java.security.cert.CertificateException e) {
        verified.remove(leaf);
      }
    }
    AuthenticationResult result = verifyAndName(chain, leaf);
    if (result instanceof AuthenticationResult.Authenticated && chain.size() == 1) {
      if (verified.size() >= MAX_REMEMBERED) {
        verified.clear();
      }
      verified.put(leaf, result);
    }
    return result;
  }

  private AuthenticationResult verifyAndName(List<X509Certificate> chain, X509Certificate leaf) {
    try {
      verify(chain);
      List<String> usages = leaf.getExtendedKeyUsage();
      if (usages != null && !usages.contains(CLIENT_AUTH) && !usages.contains(ANY_USAGE)) {
        return new AuthenticationResult.Rejected("x509: certificate specifies an incompatible key usage");
      }
    } catch (GeneralSecurityException e) {
      return new AuthenticationResult.Rejected("verifying certificate " + leaf.getSubjectX500Principal()
          + " failed: " + e.getMessage());
    }
    return user(leaf);
  }

  private void verify(List<X509Certificate> chain) throws GeneralSecurityException {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    PKIXParameters params = new PKIXParameters(anchors);
    params.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(chain), params);
  }

  private static AuthenticationResult user(X509Certificate leaf) {
    String name = "";
    List<String> groups = new ArrayList<>();
    try {
      // getRdns() lists the subject in certificate order (RFC 2253 strings are reversed), so the
      // groups keep the order of the certificate's O values, as Go's Subject.Organization does
      for (Rdn rdn : new LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          name = rdn.getValue().toString();
        } else if (rdn.getType().equalsIgnoreCase("O")) {
          groups.add(rdn.getValue().toString());
        }
      }
    } catch (InvalidNameException e) {
      return new AuthenticationResult.Rejected("unparseable certificate subject");
    }
    if (name.isEmpty()) {
      return new AuthenticationResult.Rejected("certificate has no common name");
    }
    return new AuthenticationResult.Authenticated(new UserInfo(name, "", List.copyOf(groups), Map.of()), "x509");
  }
}
