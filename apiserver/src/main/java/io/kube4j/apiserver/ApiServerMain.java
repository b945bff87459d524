package io.kube4j.apiserver;

import io.kube4j.componentbase.flags.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kube-apiserver}: the process entry point; flags are named as upstream's. */
@Command(name = "kube4j-apiserver", mixinStandardHelpOptions = true,
    description = "The kube4j API server: the Kubernetes API on etcd.")
public final class ApiServerMain implements Callable<Integer> {

  @Option(names = "--etcd-servers", split = ",", required = true, description = "etcd client URLs")
  List<String> etcdServers;

  @Option(names = "--bind-address", defaultValue = "0.0.0.0")
  String bindAddress;

  @Option(names = "--secure-port", defaultValue = "6443")
  int securePort;

  @Option(names = "--advertise-address", defaultValue = "127.0.0.1")
  String advertiseAddress;

  @Option(names = "--tls-cert-file", required = true)
  Path tlsCertFile;

  @Option(names = "--tls-private-key-file", required = true)
  Path tlsPrivateKeyFile;

  @Option(names = "--client-ca-file", required = true)
  Path clientCaFile;

  @Option(names = "--service-account-key-file", description = "Public keys that verify service-account tokens")
  List<Path> serviceAccountKeyFiles = new java.util.ArrayList<>();

  @Option(names = "--service-account-signing-key-file")
  Path serviceAccountSigningKeyFile;

  @Option(names = "--service-account-issuer", defaultValue = ApiServerConfig.ServiceAccounts.DEFAULT_ISSUER)
  String serviceAccountIssuer;

  @Option(names = "--api-audiences", split = ",", description = "Audiences of tokens (default: the issuer)")
  List<String> apiAudiences = new java.util.ArrayList<>();

  @Option(names = "--service-cluster-ip-range", defaultValue = "10.96.0.0/12")
  String serviceClusterIpRange;

  @Option(names = "--service-node-port-range", defaultValue = "30000-32767")
  String serviceNodePortRange;

  @Option(names = "--watch-cache-size", defaultValue = "10000",
      description = "changes each resource's watch cache keeps")
  int watchCacheSize;

  @Option(names = "--bookmark-interval", defaultValue = "60s", converter = GoDuration.class)
  Duration bookmarkInterval;

  @Option(names = "--worker-threads", defaultValue = "" + ApiServerConfig.DEFAULT_WORKER_THREADS)
  int workerThreads;

  @Option(names = "--authorization-mode", split = ",", defaultValue = "Node,RBAC",
      description = "Ordered authorizers: Node, RBAC, AlwaysAllow, AlwaysDeny (default: ${DEFAULT-VALUE})")
  List<String> authorizationModes;

  @Option(names = "--anonymous-auth", defaultValue = "true", arity = "1",
      description = "Requests without credentials are system:anonymous (default: ${DEFAULT-VALUE})")
  boolean anonymousAuth;

  @Option(names = "--token-auth-file", description = "CSV of static bearer tokens: token,user,uid,\"group1,group2\"")
  Path tokenAuthFile;

  @Option(names = "--enable-bootstrap-token-auth", defaultValue = "false", arity = "0..1",
      description = "Accept bootstrap tokens (Secrets of type bootstrap.kubernetes.io/token in kube-system)")
  boolean enableBootstrapTokenAuth;

  @Option(names = "--encryption-provider-config", description = "EncryptionConfiguration for encryption at rest")
  Path encryptionProviderConfig;

  @Option(names = "--disable-admission-plugins", split = ",", defaultValue = "",
      description = "Admission plugins to leave out of the default chain, e.g. ServiceAccount")
  List<String> disabledAdmissionPlugins;

  @Override
  public Integer call() throws Exception {
    ApiServerConfig config = new ApiServerConfig(etcdServers, bindAddress, securePort, advertiseAddress,
        tlsCertFile, tlsPrivateKeyFile, clientCaFile, serviceClusterIpRange, serviceNodePortRange, watchCacheSize,
        bookmarkInterval, workerThreads, authorizationModes, anonymousAuth, java.util.Optional.ofNullable(tokenAuthFile),
        enableBootstrapTokenAuth,
        new ApiServerConfig.ServiceAccounts(serviceAccountIssuer, java.util.Optional.ofNullable(
            serviceAccountSigningKeyFile), serviceAccountKeyFiles, apiAudiences),
        java.util.Optional.ofNullable(encryptionProviderConfig),
        disabledAdmissionPlugins.stream().filter(p -> !p.isEmpty()).toList());
    ApiServer server = new ApiServer(config, BuiltinApi.parts());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ApiServerMain()).execute(args));
  }
}
