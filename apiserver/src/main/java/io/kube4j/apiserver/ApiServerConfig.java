package io.kube4j.apiserver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the apiserver is started with; the flags of {@link ApiServerMain} fill it, tests build it
 * directly.
 *
 * @param etcdServers etcd client URLs
 * @param bindAddress the listening address, e.g. {@code 0.0.0.0}
 * @param securePort the HTTPS port (0 picks a free one)
 * @param advertiseAddress the address the {@code kubernetes} Service's endpoints name
 * @param tlsCertFile serving certificate (PEM)
 * @param tlsPrivateKeyFile its key (PKCS#8 PEM)
 * @param clientCaFile CA bundle that signs client certificates
 * @param serviceClusterIpRange CIDR ClusterIPs are allocated from
 * @param serviceNodePortRange e.g. {@code 30000-32767}
 * @param watchCacheCapacity changes each resource's watch window holds
 * @param bookmarkInterval how often watchers that want bookmarks get one
 * @param workerThreads the request worker pool size
 * @param authorizationModes {@code --authorization-mode}: Node, RBAC, AlwaysAllow, AlwaysDeny, asked in order
 * @param anonymousAuth {@code --anonymous-auth}: requests without credentials are {@code system:anonymous}
 * @param tokenAuthFile {@code --token-auth-file}: static bearer tokens, or empty
 * @param enableBootstrapTokenAuth {@code --enable-bootstrap-token-auth}: accept bootstrap tokens
 * @param serviceAccounts how service-account tokens are signed and verified
 * @param encryptionProviderConfig {@code --encryption-provider-config}: encryption at rest, or empty
 * @param disabledAdmissionPlugins {@code --disable-admission-plugins}: plugins of the default chain left out
 */
public record ApiServerConfig(
    List<String> etcdServers,
    String bindAddress,
    int securePort,
    String advertiseAddress,
    Path tlsCertFile,
    Path tlsPrivateKeyFile,
    Path clientCaFile,
    String serviceClusterIpRange,
    String serviceNodePortRange,
    int watchCacheCapacity,
    Duration bookmarkInterval,
    int workerThreads,
    List<String> authorizationModes,
    boolean anonymousAuth,
    java.util.Optional<Path> tokenAuthFile,
    boolean enableBootstrapTokenAuth,
    ServiceAccounts serviceAccounts,
    java.util.Optional<Path> encryptionProviderConfig,
    List<String> disabledAdmissionPlugins) {

  /**
   * Service-account tokens.
   *
   * @param issuer {@code --service-account-issuer}
   * @param signingKeyFile {@code --service-account-signing-key-file}; without it no tokens are issued
   * @param keyFiles {@code --service-account-key-file}: public keys that verify tokens
   * @param apiAudiences {@code --api-audiences}; empty means the issuer
   */
  public record ServiceAccounts(String issuer, java.util.Optional<Path> signingKeyFile, List<Path> keyFiles,
      List<String> apiAudiences) {

    public static final String DEFAULT_ISSUER = "https://kubernetes.default.svc.cluster.local";

    public List<String> audiences() {
      return apiAudiences.isEmpty() ? List.of(issuer) : apiAudiences;
    }
  }

  public static final int DEFAULT_WATCH_CACHE_CAPACITY = 10_000;

  /** Upstream's default {@code --authorization-mode}. */
  public static final List<String> DEFAULT_AUTHORIZATION_MODES = List.of("Node", "RBAC");

  /**
   * Request workers: each holds its thread while etcd answers, so this many requests can wait on
   * etcd at once (with 64 clients writing, fewer workers queue requests in the apiserver).
   */
  public static final int DEFAULT_WORKER_THREADS = 64;
}
