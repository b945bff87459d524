package io.kube4j.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube4j.apiserver.testing.TestPki;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {

  @Test
  void buildsAClientCertificateContextFromThePemsTestPkiIssues(@TempDir Path dir) throws Exception {
    TestPki pki = TestPki.create(dir);
    TestPki.Issued admin = pki.clientCertificate("kubernetes-admin", List.of("system:masters"));

    SSLContext tls = Tls.mutual(admin.certPem(), admin.keyPem(), pki.caCert());

    assertThat(tls.getProtocol()).isEqualTo("TLS");
    assertThat(tls.createSSLEngine().getSupportedProtocols()).contains("TLSv1.3");
  }

  @Test
  void readsTheDerBytesBetweenThePemMarkers() {
    String pem = "-----BEGIN PRIVATE KEY-----\r\nAAEC\nAwQF\n-----END PRIVATE KEY-----\n";

    assertThat(Tls.pemBody(pem)).containsExactly(0, 1, 2, 3, 4, 5);
  }
}
