package io.kube4j.launcher.cluster;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.pki.cert.PkiFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bootstrap token, {@code <id>.<secret>}, as {@code kubeadm token create} makes it: a Secret
 * {@code bootstrap-token-<id>} in kube-system that authenticates its holder as
 * {@code system:bootstrap:<id>} in {@code system:bootstrappers}, valid for 24 hours. The launcher
 * writes it into {@code bootstrap-kubelet.kubeconfig} for the agent's TLS bootstrap and reuses it
 * while it is valid.
 *
 * @param id six characters {@code [a-z0-9]}
 * @param secret sixteen characters {@code [a-z0-9]}
 */
public record BootstrapToken(String id, String secret) {

  /** kubeadm's default token TTL. */
  public static final Duration TTL = Duration.ofHours(24);
  static final String TYPE = "bootstrap.kubernetes.io/token";
  static final String EXTRA_GROUP = "system:bootstrappers:kubeadm:default-node-token";
  private static final Pattern TOKEN_LINE = Pattern.compile("token: ([a-z0-9]{6})\\.([a-z0-9]{16})");
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  public static BootstrapToken generate(SecureRandom random) {
    return new BootstrapToken(random(random, 6), random(random, 16));
  }

  /** The token in an existing bootstrap kubeconfig, if there is one. */
  public static Optional<BootstrapToken> read(Path kubeconfig) throws IOException {
    if (!Files.exists(kubeconfig)) {
      return Optional.empty();
    }
    Matcher m = TOKEN_LINE.matcher(Files.readString(kubeconfig));
    return m.find() ? Optional.of(new BootstrapToken(m.group(1), m.group(2))) : Optional.empty();
  }

  /**
   * Reuses the token of {@code kubeconfig} while its Secret exists and has more than an hour left;
   * otherwise creates a new token and writes the file. Returns the token in use.
   */
  public static BootstrapToken ensure(KubernetesClient admin, Path kubeconfig, URI server, String caPem, Clock clock)
      throws IOException {
    Optional<BootstrapToken> recorded = read(kubeconfig);
    if (recorded.isPresent() && recorded.get().validFor(admin, clock, Duration.ofHours(1))) {
      return recorded.get();
    }
    BootstrapToken token = generate(new SecureRandom());
    admin.secrets().inNamespace("kube-system").resource(token.secret(clock.instant().plus(TTL))).create();
    PkiFiles.writePrivate(kubeconfig, token.kubeconfig(server, caPem));
    return token;
  }

  boolean validFor(KubernetesClient admin, Clock clock, Duration margin) {
    Secret s = admin.secrets().inNamespace("kube-system").withName("bootstrap-token-" + id).get();
    if (s == null || s.getData() == null || !TYPE.equals(s.getType())) {
      return false;
    }
    String expiration = decode(s.getData().get("expiration"));
    return expiration.isEmpty() || Instant.parse(expiration).isAfter(clock.instant().plus(margin));
  }

  Secret secret(Instant expiration) {
    return new SecretBuilder().withNewMetadata().withName("bootstrap-token-" + id).withNamespace("kube-system")
        .endMetadata().withType(TYPE).withStringData(Map.of(
            "description", "made by ./kube4j up for the agent's nodes to join",
            "token-id", id,
            "token-secret", secret,
            "expiration", expiration.truncatedTo(ChronoUnit.SECONDS).toString(),
            "usage-bootstrap-authentication", "true",
            "usage-bootstrap-signing", "true",
            "auth-extra-groups", EXTRA_GROUP))
        .build();
  }

  /** The kubeconfig kubeadm writes as {@code bootstrap-kubelet.conf}. */
  String kubeconfig(URI server, String caPem) {
    String ca = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII));
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: kube4j
          cluster:
            server: %s
            certificate-authority-data: %s
        users:
        - name: tls-bootstrap-token-user
          user:
            token: %s.%s
        contexts:
        - name: tls-bootstrap-token-user@kube4j
          context:
            cluster: kube4j
            user: tls-bootstrap-token-user
        current-context: tls-bootstrap-token-user@kube4j
        """.formatted(server, ca, id, secret);
  }

  private static String decode(String base64) {
    return base64 == null ? "" : new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private static String random(SecureRandom random, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
