package io.kube4j.apiserver.authn.bootstrap;

import io.fabric8.kubernetes.api.model.Secret;
import io.kube4j.apiserver.authn.AuthenticationResult;
import io.kube4j.apiserver.authn.Authenticator;
import io.kube4j.apiserver.authn.Credentials;
import io.kube4j.apiserver.authn.UserInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises {@code <id>.<secret>} tokens backed by a Secret {@code bootstrap-token-<id>} of type
 * {@code bootstrap.kubernetes.io/token} in {@code kube-system}: user {@code system:bootstrap:<id>}
 * in {@code system:bootstrappers} and the secret's extra groups. A token that does not check out is
 * no opinion, as upstream: nobody else recognising it makes it a 401.
 */
public final class BootstrapTokenAuthenticator implements Authenticator {

  static final Pattern TOKEN = Pattern.compile("^([a-z0-9]{6})\\.([a-z0-9]{16})$");
  static final Pattern EXTRA_GROUP = Pattern.compile("^system:bootstrappers:[a-z0-9:-]{0,255}[a-z0-9]$");
  static final String TYPE = "bootstrap.kubernetes.io/token";

  private final Function<String, Optional<Secret>> kubeSystemSecrets;
  private final Clock clock;

  /**
   * @param kubeSystemSecrets a secret of {@code kube-system} by name
   */
  public BootstrapTokenAuthenticator(Function<String, Optional<Secret>> kubeSystemSecrets, Clock clock) {
    this.kubeSystemSecrets = kubeSystemSecrets;
    this.clock = clock;
  }

  @Override
  public AuthenticationResult authenticate(Credentials credentials) {
    Matcher m = TOKEN.matcher(credentials.bearerToken().orElse(""));
    if (!m.matches()) {
      return new AuthenticationResult.NoOpinion();
    }
    String id = m.group(1);
    Optional<Secret> found = kubeSystemSecrets.apply("bootstrap-token-" + id);
    if (found.isEmpty() || found.get().getMetadata().getDeletionTimestamp() != null
        || !TYPE.equals(found.get().getType())) {
      return new AuthenticationResult.NoOpinion();
    }
    Map<String, String> data = found.get().getData() == null ? Map.of() : found.get().getData();
    byte[] secret = decode(data.get("token-secret"));
    if (!MessageDigest.isEqual(secret, m.group(2).getBytes(StandardCharsets.UTF_8))
        || !id.equals(new String(decode(data.get("token-id")), StandardCharsets.UTF_8))) {
      return new AuthenticationResult.NoOpinion();
    }
    if (expired(new String(decode(data.get("expiration")), StandardCharsets.UTF_8))
        || !"true".equals(new String(decode(data.get("usage-bootstrap-authentication")), StandardCharsets.UTF_8))) {
      return new AuthenticationResult.NoOpinion();
    }
    List<String> groups = new ArrayList<>(List.of("system:bootstrappers"));
    String extra = new String(decode(data.get("auth-extra-groups")), StandardCharsets.UTF_8);
    for (String g : extra.isEmpty() ? new String[0] : extra.split(",")) {
      if (!EXTRA_GROUP.matcher(g.trim()).matches()) {
        return new AuthenticationResult.NoOpinion();
      }
      groups.add(g.trim());
    }
    return new AuthenticationResult.Authenticated(new UserInfo("system:bootstrap:" + id, "", List.copyOf(groups),
        Map.of()), "bootstrap-token");
  }

  /** An unparseable expiration counts as expired: a token must not outlive what its author meant. */
  private boolean expired(String expiration) {
    if (expiration.isEmpty()) {
      return false;
    }
    try {
      return !clock.instant().isBefore(Instant.parse(expiration));
    } catch (DateTimeParseException e) {
      return true;
    }
  }

  private static byte[] decode(String base64) {
    if (base64 == null) {
      return new byte[0];
    }
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }
}
