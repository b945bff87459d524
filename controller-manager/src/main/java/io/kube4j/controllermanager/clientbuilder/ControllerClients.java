package io.kube4j.controllermanager.clientbuilder;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The root client (the controller-manager's own identity, used by the shared informers) and one
 * client per controller service account ({@code SAControllerClientBuilder}).
 */
public final class ControllerClients implements AutoCloseable {

  /** Upstream requests one-hour tokens for controllers and renews them before they run out. */
  static final long TOKEN_EXPIRATION_SECONDS = 3600;
  private static final String NAMESPACE = "kube-system";

  private final Config rootConfig;
  private final KubernetesClient root;
  private final boolean useServiceAccountCredentials;
  private final Clock clock;
  private final Map<String, KubernetesClient> clients = new ConcurrentHashMap<>();

  public ControllerClients(Config rootConfig, boolean useServiceAccountCredentials, Clock clock) {
    this.rootConfig = rootConfig;
    this.root = new KubernetesClientBuilder().withConfig(rootConfig).build();
    this.useServiceAccountCredentials = useServiceAccountCredentials;
    this.clock = clock;
  }

  public KubernetesClient root() {
    return root;
  }

  /** The client a controller writes with: as {@code kube-system/<serviceAccount>} or as the root. */
  public KubernetesClient forController(String serviceAccount) {
    if (!useServiceAccountCredentials) {
      return root;
    }
    return clients.computeIfAbsent(serviceAccount, this::serviceAccountClient);
  }

  private KubernetesClient serviceAccountClient(String serviceAccount) {
    ensureServiceAccount(serviceAccount);
    Config config = new ConfigBuilder(rootConfig).build();
    config.setClientCertData(null);
    config.setClientCertFile(null);
    config.setClientKeyData(null);
    config.setClientKeyFile(null);
    config.setOauthTokenProvider(new RenewingToken(serviceAccount));
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private void ensureServiceAccount(String name) {
    try {
      root.serviceAccounts().inNamespace(NAMESPACE).resource(new ServiceAccountBuilder()
          .withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata().build()).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
  }

  /** A bound token for the controller's service account, requested again at 80% of its lifetime. */
  private final class RenewingToken implements OAuthTokenProvider {
    private final String serviceAccount;
    private String token;
    private Instant renewAt = Instant.MIN;

    RenewingToken(String serviceAccount) {
      this.serviceAccount = serviceAccount;
    }

    @Override
    public synchronized String getToken() {
      Instant now = clock.instant();
      if (token == null || !now.isBefore(renewAt)) {
        TokenRequest answer = root.serviceAccounts().inNamespace(NAMESPACE).withName(serviceAccount)
            .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(TOKEN_EXPIRATION_SECONDS)
                .endSpec().build());
        token = answer.getStatus().getToken();
        Instant expires = Instant.parse(answer.getStatus().getExpirationTimestamp());
        renewAt = now.plus(Duration.between(now, expires).multipliedBy(8).dividedBy(10));
      }
      return token;
    }
  }

  @Override
  public void close() {
    clients.values().forEach(KubernetesClient::close);
    root.close();
  }
}
