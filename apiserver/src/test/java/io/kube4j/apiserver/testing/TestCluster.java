package io.kube4j.apiserver.testing;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kube4j.apiserver.ApiServer;
import io.kube4j.apiserver.ApiServerConfig;
import io.kube4j.apiserver.BuiltinApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real etcd and a real apiserver (in this JVM, on a free port, with a fresh PKI) for one test
 * class; clients connect over HTTPS with client certificates, exactly as kubectl does.
 */
public final class TestCluster implements AutoCloseable {

  private final EtcdProcess etcd;
  private final ApiServer apiServer;
  private final TestPki pki;
  private final Path dir;

  private TestCluster(EtcdProcess etcd, ApiServer apiServer, TestPki pki, Path dir) {
    this.etcd = etcd;
    this.apiServer = apiServer;
    this.pki = pki;
    this.dir = dir;
  }

  /**
   * The admission plugins a test cluster leaves out, as upstream's integration tests do: without a
   * controller-manager no namespace ever gets its {@code default} service account, so the
   * {@code ServiceAccount} plugin would refuse every pod. {@link #startWithFullAdmission} keeps it.
   */
  public static final List<String> DISABLED_ADMISSION_PLUGINS = List.of("ServiceAccount");

  /** Starts etcd and the apiserver; watch bookmarks every {@code bookmarkInterval}. */
  public static TestCluster start(Duration bookmarkInterval) {
    return start(bookmarkInterval, ApiServerConfig.DEFAULT_WATCH_CACHE_CAPACITY);
  }

  /** As {@link #start(Duration)}, with each resource's watch window holding {@code watchCacheCapacity} changes. */
  public static TestCluster start(Duration bookmarkInterval, int watchCacheCapacity) {
    return start(bookmarkInterval, watchCacheCapacity, java.util.Optional.empty(), DISABLED_ADMISSION_PLUGINS);
  }

  /** The full default admission chain, for tests that run the controller-manager too. */
  public static TestCluster startWithFullAdmission() {
    return start(Duration.ofSeconds(1), ApiServerConfig.DEFAULT_WATCH_CACHE_CAPACITY, java.util.Optional.empty(),
        List.of());
  }

  /** A cluster whose apiserver encrypts at rest as {@code encryptionConfig} says. */
  public static TestCluster startWithEncryption(Path encryptionConfig) {
    return start(Duration.ofMinutes(1), ApiServerConfig.DEFAULT_WATCH_CACHE_CAPACITY,
        java.util.Optional.of(encryptionConfig), DISABLED_ADMISSION_PLUGINS);
  }

  private static TestCluster start(Duration bookmarkInterval, int watchCacheCapacity,
      java.util.Optional<Path> encryptionConfig, List<String> disabledAdmissionPlugins) {
    EtcdProcess.assumeAvailable();
    EtcdProcess etcd = EtcdProcess.start();
    try {
      Path dir = Files.createTempDirectory("kube4j-test");
      TestPki pki = TestPki.create(dir);
      ApiServerConfig config = new ApiServerConfig(etcd.endpoints(), "127.0.0.1", 0, "127.0.0.1",
          pki.serverCert(), pki.serverKey(), pki.caCert(), "10.96.0.0/12", "30000-32767",
          watchCacheCapacity, bookmarkInterval, ApiServerConfig.DEFAULT_WORKER_THREADS,
          ApiServerConfig.DEFAULT_AUTHORIZATION_MODES, true, java.util.Optional.empty(), true,
          new ApiServerConfig.ServiceAccounts(ApiServerConfig.ServiceAccounts.DEFAULT_ISSUER,
              java.util.Optional.of(pki.serviceAccountKey()), List.of(pki.serviceAccountPublicKey()), List.of()),
          encryptionConfig, disabledAdmissionPlugins);
      return new TestCluster(etcd, new ApiServer(config, BuiltinApi.parts()), pki, dir);
    } catch (IOException e) {
      etcd.close();
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      etcd.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static TestCluster start() {
    return start(Duration.ofSeconds(1));
  }

  public String url() {
    return "https://127.0.0.1:" + apiServer.port();
  }

  public ApiServer apiServer() {
    return apiServer;
  }

  public EtcdProcess etcd() {
    return etcd;
  }

  public TestPki pki() {
    return pki;
  }

  /** A Fabric8 client authenticated as the cluster admin ({@code O=system:masters}). */
  public KubernetesClient adminClient() {
    return client("kubernetes-admin", List.of("system:masters"));
  }

  public KubernetesClient client(String user, List<String> groups) {
    TestPki.Issued cert = pki.clientCertificate(user, groups);
    Config config = new ConfigBuilder()
        .withMasterUrl(url())
        .withCaCertData(pki.caCertBase64())
        .withClientCertData(cert.certBase64())
        .withClientKeyData(cert.keyBase64())
        .withClientKeyAlgo("RSA")
        .withRequestTimeout(30_000)
        .withWatchReconnectLimit(0)
        .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** Writes an admin kubeconfig for the real kubectl. */
  public Path adminKubeconfig() {
    return pki.kubeconfig(dir.resolve("admin.kubeconfig"), url(), "kubernetes-admin", List.of("system:masters"));
  }

  public Path dir() {
    return dir;
  }

  @Override
  public void close() {
    apiServer.close();
    etcd.close();
  }
}
