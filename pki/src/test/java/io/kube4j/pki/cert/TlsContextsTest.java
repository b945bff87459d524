package io.kube4j.pki.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kube4j.pki.ca.CertificateAuthority;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** A real TLS handshake over loopback: JSSE accepts kube4j's keys and certificates on both sides. */
class TlsContextsTest {

  private final CertificateAuthority ca = CertificateAuthority.create("kubernetes", KeyAlgorithm.ECDSA_P256, Clock.systemUTC());
  private final CertAndKey serving = ca.issue(CertConfig.server("kube-apiserver",
      new AltNames(List.of("localhost"), List.of(InetAddress.getLoopbackAddress()))), KeyAlgorithm.ECDSA_P256);
  private final CertAndKey admin = ca.issue(
      CertConfig.client("kubernetes-admin", List.of("system:masters")), KeyAlgorithm.ECDSA_P256);

  @Test
  void mutualTlsHandshakeAuthenticatesBothSides() throws Exception {
    SSLContext server = TlsContexts.server(reloaded(serving), List.of(ca.certificate()));
    SSLContext client = TlsContexts.client(List.of(ca.certificate()), Optional.of(reloaded(admin)));

    String peerSeenByServer = handshake(server, client);

    assertThat(peerSeenByServer).isEqualTo("CN=kubernetes-admin,O=system:masters");
  }

  @Test
  void clientRejectsAServerCertificateFromAnotherCa() throws Exception {
    CertificateAuthority other = CertificateAuthority.create("kubernetes", KeyAlgorithm.ECDSA_P256, Clock.systemUTC());
    SSLContext server = TlsContexts.server(serving, List.of(ca.certificate()));
    SSLContext client = TlsContexts.client(List.of(other.certificate()), Optional.empty());

    assertThatThrownBy(() -> handshake(server, client)).isInstanceOf(SSLHandshakeException.class);
  }

  /** The material round-trips through PEM, as the apiserver and launcher read it from disk. */
  private static CertAndKey reloaded(CertAndKey pair) {
    return new CertAndKey(Pem.parseCertificates(pair.certificatePem()).get(0), Pem.parsePrivateKey(pair.privateKeyPem()));
  }

  /** Connects to 127.0.0.1 with host name verification on; returns the client subject the server saw. */
  private static String handshake(SSLContext serverContext, SSLContext clientContext) throws Exception {
    try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setWantClientAuth(true);
      CompletableFuture<String> peer = CompletableFuture.supplyAsync(() -> {
        try (SSLSocket accepted = (SSLSocket) listener.accept()) {
          accepted.startHandshake();
          accepted.getInputStream().read();
          return accepted.getSession().getPeerPrincipal().getName();
        } catch (IOException e) {
          return "no client certificate: " + e.getMessage();
        }
      });
      try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory()
          .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        socket.getOutputStream().write('x');
        socket.getOutputStream().flush();
        return peer.get(30, TimeUnit.SECONDS);
      }
    }
  }
}
