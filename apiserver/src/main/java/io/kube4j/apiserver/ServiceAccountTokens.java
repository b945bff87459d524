package io.kube4j.apiserver;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.authn.Authenticator;
import io.kube4j.apiserver.authn.serviceaccount.ServiceAccountTokenAuthenticator;
import io.kube4j.apiserver.authn.serviceaccount.TokenIssuer;
import io.kube4j.apiserver.endpoints.ResourceRouter;
import io.kube4j.apiserver.endpoints.negotiation.BodyDecoder;
import io.kube4j.apiserver.registry.core.serviceaccount.rest.TokenRest;
import io.kube4j.apiserver.registry.generic.Store;
import io.kube4j.apiserver.runtime.Codec;
import io.kube4j.pki.cert.Pem;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Wires service-account tokens: the authenticator that accepts them (with the verification keys)
 * and, when a signing key is configured, the TokenRequest API that issues them.
 */
final class ServiceAccountTokens {

  private final ApiServer server;
  private final ApiServerConfig.ServiceAccounts config;

  ServiceAccountTokens(ApiServer server, ApiServerConfig.ServiceAccounts config) {
    this.server = server;
    this.config = config;
  }

  /** Empty when no verification key is configured. */
  Optional<Authenticator> authenticator() throws IOException {
    List<RSAPublicKey> keys = new ArrayList<>();
    for (Path f : config.keyFiles()) {
      for (PublicKey k : Pem.readPublicKeys(f)) {
        if (k instanceof RSAPublicKey rsa) {
          keys.add(rsa);
        }
      }
    }
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    // the caches answer at once; a token whose account was just deleted fails a moment later
    return Optional.of(new ServiceAccountTokenAuthenticator(config.issuer(), keys, config.audiences(),
        (kind, ns, name) -> cached(kind, ns, name).map(o -> o.getMetadata().getUid()), Clock.systemUTC()));
  }

  /**
   * The issuer's OpenID discovery documents ({@code ServiceAccountIssuerDiscovery}): where the
   * verification keys are, and the keys, so other systems can verify tokens this cluster signs.
   */
  void registerDiscovery(io.kube4j.apiserver.endpoints.Router router, Codec codec, String externalAddress)
      throws IOException {
    List<Object> keys = new ArrayList<>();
    for (Path f : config.keyFiles()) {
      for (PublicKey k : Pem.readPublicKeys(f)) {
        if (k instanceof RSAPublicKey rsa) {
          keys.add(new com.nimbusds.jose.jwk.RSAKey.Builder(rsa).keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE)
              .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).keyID(TokenIssuer.keyId(rsa)).build().toJSONObject());
        }
      }
    }
    if (keys.isEmpty()) {
      return;
    }
    java.util.Map<String, Object> openid = new java.util.LinkedHashMap<>();
    openid.put("issuer", config.issuer());
    openid.put("jwks_uri", "https://" + externalAddress + "/openid/v1/jwks");
    openid.put("response_types_supported", List.of("id_token"));
    openid.put("subject_types_supported", List.of("public"));
    openid.put("id_token_signing_alg_values_supported", List.of("RS256"));
    router.registerDocument("/.well-known/openid-configuration", codec.encode(openid));
    router.registerDocument("/openid/v1/jwks", codec.encode(java.util.Map.of("keys", keys)));
  }

  /** {@code serviceaccounts/token}, when a signing key is configured. */
  void registerTokenRequest(ResourceRouter router, Codec codec, BodyDecoder bodies) throws IOException {
    if (config.signingKeyFile().isEmpty()) {
      return;
    }
    PrivateKey key = Pem.readPrivateKey(config.signingKeyFile().get());
    TokenIssuer issuer = new TokenIssuer(config.issuer(), key, Pem.publicKeyOf(key));
    Store<?> accounts = server.store("", "serviceaccounts");
    router.registerSubresource(accounts.resource(), "token",
        new TokenRest(issuer, config.audiences(), this::stored, codec, bodies, Clock.systemUTC()).handler());
  }

  private Optional<HasMetadata> cached(String kind, String namespace, String name) {
    Store<?> store = store(kind);
    return store.cache().get(store.key(namespace, name)).map(c -> c.object());
  }

  private Optional<HasMetadata> stored(String kind, String namespace, String name) {
    try {
      return Optional.of(store(kind).get(namespace, name, "").object());
    } catch (StatusException e) {
      if (e.code() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private Store<?> store(String kind) {
    return switch (kind) {
      case "ServiceAccount" -> server.store("", "serviceaccounts");
      case "Pod" -> server.store("", "pods");
      case "Secret" -> server.store("", "secrets");
      default -> throw new IllegalArgumentException(kind);
    };
  }
}
