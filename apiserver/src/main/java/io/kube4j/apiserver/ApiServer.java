package io.kube4j.apiserver;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.kube4j.apiserver.admission.AdmissionChain;
import io.kube4j.apiserver.authorization.Authorizer;
import io.kube4j.apiserver.authn.bootstrap.BootstrapTokenAuthenticator;
import io.kube4j.apiserver.authn.tokenfile.TokenFileAuthenticator;
import io.kube4j.apiserver.endpoints.filters.WithAuthorization;
import io.kube4j.apiserver.endpoints.filters.WithImpersonation;
import io.kube4j.apiserver.registry.authentication.SelfSubjectReviewRest;
import io.kube4j.apiserver.registry.authentication.TokenReviewRest;
import io.kube4j.apiserver.registry.authorization.AccessReviewRest;
import io.kube4j.apiserver.registry.authorization.RulesReviewRest;
import io.kube4j.apiserver.registry.builtin.BuiltinResources;
import io.kube4j.apiserver.authn.AuthenticatorChain;
import io.kube4j.apiserver.authn.x509.X509Authenticator;
import io.kube4j.apiserver.discovery.Discovery;
import io.kube4j.apiserver.endpoints.HealthCheck;
import io.kube4j.apiserver.endpoints.OpenApiSource;
import io.kube4j.apiserver.endpoints.PatchApplier;
import io.kube4j.apiserver.endpoints.ResourceRouter;
import io.kube4j.apiserver.endpoints.Router;
import io.kube4j.apiserver.endpoints.Selectors;
import io.kube4j.apiserver.endpoints.TableConvertor;
import io.kube4j.apiserver.endpoints.handlers.RequestScope;
import io.kube4j.apiserver.endpoints.negotiation.BodyDecoder;
import io.kube4j.apiserver.endpoints.negotiation.ProtobufBodyDecoder;
import io.kube4j.apiserver.http.ApiHttpServer;
import io.kube4j.apiserver.metrics.ApiServerMetrics;
import io.kube4j.apiserver.metrics.MeteredStorage;
import io.kube4j.apiserver.registry.ApiResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.kube4j.apiserver.endpoints.handlers.BindingHandler;
import io.kube4j.apiserver.endpoints.handlers.EvictionHandler;
import io.kube4j.apiserver.endpoints.handlers.FinalizeHandler;
import io.kube4j.apiserver.endpoints.handlers.ScaleHandler;
import io.kube4j.apiserver.registry.autoscaling.scale.ScaleAccess;
import io.kube4j.apiserver.registry.autoscaling.scale.ScaleRest;
import io.kube4j.apiserver.registry.core.namespace.rest.FinalizeRest;
import io.kube4j.apiserver.registry.core.pod.rest.BindingRest;
import io.kube4j.apiserver.registry.core.pod.rest.EvictionRest;
import io.kube4j.apiserver.registry.core.service.allocator.ClusterIpAllocator;
import io.kube4j.apiserver.registry.core.service.allocator.NodePortAllocator;
import io.kube4j.apiserver.registry.core.service.allocator.ServiceReservations;
import io.kube4j.apiserver.registry.generic.Reservations;
import io.kube4j.apiserver.registry.generic.ObjectDecoder;
import io.kube4j.apiserver.registry.generic.Store;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.runtime.Codec;
import io.kube4j.apiserver.runtime.UnknownFields;
import io.kube4j.apiserver.storage.Storage;
import io.kube4j.apiserver.storage.etcd3.EtcdStorage;
import io.kube4j.apiserver.watch.WatchCache;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The apiserver's composition root: wires storage, watch caches, stores, admission, authentication,
 * endpoints and the HTTPS listener by hand, in the order a request meets them.
 */
public final class ApiServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());

  /** How the pieces a resource needs are supplied; {@link BuiltinApi} gives the real ones. */
  public record Parts(
      List<Registration<?>> resources,
      Selectors selectors,
      PatchApplier patches,
      ProtobufBodyDecoder protobuf,
      TableConvertor tables,
      java.util.function.Function<List<ApiResource>, OpenApiSource> openapi) {}

  /** One served resource: its declaration and its strategy. */
  public record Registration<T extends HasMetadata>(ApiResource resource, Class<T> type, Strategy<T> strategy) {}

  private final ApiServerConfig config;
  private final Codec codec = new Codec();
  private final ApiServerMetrics metrics = new ApiServerMetrics();
  private final Storage storage;
  private final ScheduledExecutorService timers;
  private final ExecutorService dispatch;
  private final ExecutorService workers;
  private final Map<String, Store<?>> stores = new LinkedHashMap<>();
  private final List<WatchCache> caches = new ArrayList<>();
  private final java.util.Set<String> usedPrefixes = new java.util.HashSet<>();
  private final ApiHttpServer http;
  private final ClusterIpAllocator clusterIps;
  private final AuthorizerConfig authorizers = new AuthorizerConfig(this);
  private final AdmissionConfig admissions = new AdmissionConfig(this, codec);

  public ApiServer(ApiServerConfig config, Parts parts) throws IOException, InterruptedException {
    this.config = config;
    this.storage = new MeteredStorage(encryptedAtRest(new EtcdStorage(config.etcdServers()),
        config.encryptionProviderConfig()), metrics);
    this.clusterIps = new ClusterIpAllocator(storage, codec, config.serviceClusterIpRange());
    this.timers = Executors.newScheduledThreadPool(2, daemon("apiserver-timer"));
    this.dispatch = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
        daemon("watch-dispatch"));
    this.workers = new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(), 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(10_000), daemon("apiserver-worker"));

    ResourceRouter router = new ResourceRouter();
    List<ApiResource> served = new ArrayList<>();
    for (Registration<?> r : parts.resources()) {
      served.add(r.resource());
      stores.put(r.resource().group() + "/" + r.resource().resource(), store(r));
    }
    Authorizer authorizer = authorizers.build(config.authorizationModes());
    AdmissionChain admission = admissions.build(authorizer, authorizers);
    BodyDecoder bodies = new BodyDecoder(codec, parts.protobuf());
    UnknownFields unknownFields = new UnknownFields(codec.json());
    for (Store<?> s : stores.values()) {
      router.register(scope(s, bodies, unknownFields, admission, parts));
    }
    for (Store<?> s : stores.values()) {
      registerScale(router, s, bodies, parts);
    }
    Store<Namespace> namespaceStore = store("", "namespaces");
    @SuppressWarnings("unchecked")
    RequestScope<Namespace> namespaceScope = (RequestScope<Namespace>) router.scope("", "v1", "namespaces").orElseThrow();
    router.registerSubresource(namespaceStore.resource(), "finalize",
        new FinalizeHandler(namespaceScope, new FinalizeRest(namespaceStore)));
    Store<Pod> pods = store("", "pods");
    router.registerSubresource(pods.resource(), "binding",
        new BindingHandler(bodies, codec, new BindingRest(pods, Clock.systemUTC())));
    router.registerSubresource(pods.resource(), "eviction",
        new EvictionHandler(bodies, codec, new EvictionRest(pods, store("policy", "poddisruptionbudgets"), Clock.systemUTC())));
    List<io.kube4j.apiserver.authn.Authenticator> authenticators = new ArrayList<>();
    authenticators.add(new X509Authenticator(readCertificates()));
    if (config.tokenAuthFile().isPresent()) {
      authenticators.add(TokenFileAuthenticator.read(config.tokenAuthFile().get()));
    }
    if (config.enableBootstrapTokenAuth()) {
      Store<io.fabric8.kubernetes.api.model.Secret> secrets = store("", "secrets");
      authenticators.add(new BootstrapTokenAuthenticator(name -> secrets.cache().get(secrets.key("kube-system", name))
          .map(c -> c.objectAs(io.fabric8.kubernetes.api.model.Secret.class)), Clock.systemUTC()));
    }
    ServiceAccountTokens serviceAccounts = new ServiceAccountTokens(this, config.serviceAccounts());
    serviceAccounts.authenticator().ifPresent(authenticators::add);
    serviceAccounts.registerTokenRequest(router, codec, bodies);
    AuthenticatorChain authn = new AuthenticatorChain(authenticators);
    registerReviews(router, served, authorizer, authn, bodies);
    String advertised = config.advertiseAddress() + ":" + config.securePort();
    Discovery discovery = new Discovery(served, codec, advertised);
    HealthCheck etcd = new HealthCheck() {
      @Override public String name() {
        return "etcd";
      }

      @Override public void check() {
        storage.currentRevision();
      }
    };
    Router top = new Router(discovery, router, parts.openapi().apply(served), List.of(etcd),
        codec.encode(Version.info()), metrics, codec, new WithAuthorization(authorizer),
        new WithImpersonation(authorizer));
    Bootstrap bootstrap = new Bootstrap(this);
    bootstrap.ensureSystemObjects();
    this.http = new ApiHttpServer(new InetSocketAddress(config.bindAddress(), config.securePort()),
        config.tlsCertFile().toFile(), config.tlsPrivateKeyFile().toFile(), authn, config.anonymousAuth(), top, workers,
        metrics, codec);
    bootstrap.ensureKubernetesService(config.advertiseAddress(), http.port());
    serviceAccounts.registerDiscovery(top, codec, config.advertiseAddress() + ":" + http.port());
    LOG.info("apiserver serving on https://" + config.bindAddress() + ":" + http.port());
  }

  /**
   * With {@code --encryption-provider-config}, the configured resources' values are encrypted on
   * their way to etcd; their keys are {@code /registry/<resource>/} as for every resource.
   */
  private static Storage encryptedAtRest(Storage etcd, Optional<java.nio.file.Path> config) throws IOException {
    if (config.isEmpty()) {
      return etcd;
    }
    Map<String, io.kube4j.apiserver.storage.value.Transformer> byPrefix = new LinkedHashMap<>();
    io.kube4j.apiserver.storage.value.EncryptionConfiguration.read(config.get()).forEach((resource, t) ->
        byPrefix.put("/registry/" + resource.split("\\.", 2)[0] + "/", t));
    return new io.kube4j.apiserver.storage.value.TransformingStorage(etcd, byPrefix);
  }

  /** The create-only reviews: answered by the authorizers and authenticators, never stored. */
  private void registerReviews(ResourceRouter router, List<ApiResource> served, Authorizer authorizer,
      AuthenticatorChain authn, BodyDecoder bodies) {
    AccessReviewRest access = new AccessReviewRest(authorizer, codec, bodies);
    for (ApiResource r : BuiltinResources.REVIEWS) {
      ResourceRouter.SubresourceHandler handler = switch (r.resource()) {
        case "subjectaccessreviews" -> access.subjectAccessReviews();
        case "selfsubjectaccessreviews" -> access.selfSubjectAccessReviews();
        case "localsubjectaccessreviews" -> access.localSubjectAccessReviews();
        case "selfsubjectrulesreviews" -> new RulesReviewRest(authorizers.ruleResolvers(), codec, bodies).handler();
        case "selfsubjectreviews" -> SelfSubjectReviewRest.handler(codec, bodies);
        case "tokenreviews" -> TokenReviewRest.handler(authn, codec, bodies);
        default -> throw new IllegalStateException("no handler for " + r.resource());
      };
      router.registerCreateOnly(r, handler);
      served.add(r);
    }
  }

  private <T extends HasMetadata> Store<T> store(Registration<T> r) {
    ApiResource res = r.resource();
    // Upstream's layout, /registry/<resource>/; a resource name served by two groups (core events
    // and events.k8s.io events) keeps the first for the core group and prefixes the other with its group.
    String prefix = "/registry/" + res.resource() + "/";
    if (!usedPrefixes.add(prefix)) {
      prefix = "/registry/" + res.group() + "/" + res.resource() + "/";
    }
    ObjectDecoder<T> decoder = new ObjectDecoder<>(prefix, r.type(), codec, r.strategy()::selectableFields);
    WatchCache cache = new WatchCache(prefix, storage, decoder::decode, config.watchCacheCapacity(),
        config.bookmarkInterval(), dispatch, timers);
    cache.start();
    caches.add(cache);
    return new Store<>(res, r.type(), r.strategy(), storage, cache, decoder, codec,
        Clock.systemUTC(), reservationsFor(r.type()));
  }

  /** Services hold cluster IPs and node ports; nothing else holds anything outside its key. */
  @SuppressWarnings("unchecked")
  private <T extends HasMetadata> Reservations<T> reservationsFor(Class<T> type) {
    if (type == Service.class) {
      return (Reservations<T>) new ServiceReservations(clusterIps, new NodePortAllocator(storage, codec,
          config.serviceNodePortRange()));
    }
    return Reservations.none();
  }

  /** The service cluster IP range's allocator; the {@code kubernetes} Service takes its first IP. */
  ClusterIpAllocator clusterIps() {
    return clusterIps;
  }

  private static <T extends HasMetadata> RequestScope<T> scope(Store<T> s, BodyDecoder bodies, UnknownFields unknown,
      AdmissionChain admission, Parts parts, ScheduledExecutorService timers, Codec codec) {
    return new RequestScope<>(s, codec, bodies, unknown, admission, parts.tables(), parts.selectors(), parts.patches(),
        timers);
  }

  private RequestScope<?> scope(Store<?> s, BodyDecoder bodies, UnknownFields unknown, AdmissionChain admission,
      Parts parts) {
    return scope(s, bodies, unknown, admission, parts, timers, codec);
  }

  /** {@code <workload>/scale} for every resource that declares it and whose type has replicas. */
  private <T extends HasMetadata> void registerScale(ResourceRouter router, Store<T> s, BodyDecoder bodies, Parts parts) {
    boolean declared = s.resource().subresources().stream().anyMatch(x -> x.name().equals("scale"));
    ScaleAccess.forType(s.type()).filter(a -> declared).ifPresent(access -> router.registerSubresource(s.resource(),
        "scale", new ScaleHandler<>(new ScaleRest<>(s, access), bodies, parts.patches(), codec)));
  }

  private List<X509Certificate> readCertificates() throws IOException {
    try (InputStream in = Files.newInputStream(config.clientCaFile())) {
      List<X509Certificate> out = new ArrayList<>();
      for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        out.add((X509Certificate) c);
      }
      return out;
    } catch (CertificateException e) {
      throw new IOException("cannot read client CA " + config.clientCaFile() + ": " + e.getMessage(), e);
    }
  }

  /** The store of a resource, e.g. {@code ("", "namespaces")}, for bootstrap and tests. */
  @SuppressWarnings("unchecked")
  public <T extends HasMetadata> Store<T> store(String group, String resource) {
    Store<?> s = stores.get(group + "/" + resource);
    if (s == null) {
      throw new IllegalArgumentException("no resource " + resource + " in group '" + group + "'");
    }
    return (Store<T>) s;
  }

  public ApiServerConfig config() {
    return config;
  }

  public int port() {
    return http.port();
  }

  public ApiServerMetrics metrics() {
    return metrics;
  }

  @Override
  public void close() {
    if (http != null) {
      http.close();
    }
    authorizers.close();
    admissions.close();
    caches.forEach(WatchCache::close);
    workers.shutdownNow();
    dispatch.shutdownNow();
    timers.shutdownNow();
    storage.close();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
