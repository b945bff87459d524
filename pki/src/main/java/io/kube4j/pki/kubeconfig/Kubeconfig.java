package io.kube4j.pki.kubeconfig;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kube4j.pki.cert.CertAndKey;
import io.kube4j.pki.cert.Pem;
import io.kube4j.pki.cert.PkiFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A kubeconfig file ({@code apiVersion: v1, kind: Config}) with the fields kube4j writes: clusters
 * (server URL and CA), users (client certificate and key), contexts and the current context.
 * Certificates and keys are embedded as base64 of their PEM text ({@code *-data} fields), so the
 * file is self-contained. Field names mirror {@code clientcmd/api/v1}: the YAML key {@code users}
 * holds {@code AuthInfo}s.
 */
@JsonPropertyOrder({"apiVersion", "kind", "clusters", "users", "contexts", "current-context"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record Kubeconfig(
    String apiVersion,
    String kind,
    List<NamedCluster> clusters,
    List<NamedAuthInfo> users,
    List<NamedContext> contexts,
    @JsonProperty("current-context") String currentContext) {

  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .build();

  public Kubeconfig {
    clusters = clusters == null ? List.of() : List.copyOf(clusters);
    users = users == null ? List.of() : List.copyOf(users);
    contexts = contexts == null ? List.of() : List.copyOf(contexts);
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NamedCluster(String name, Cluster cluster) {}

  @JsonPropertyOrder({"server", "certificate-authority-data"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Cluster(
      String server,
      @JsonProperty("certificate-authority-data") String certificateAuthorityData) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NamedAuthInfo(String name, AuthInfo user) {}

  @JsonPropertyOrder({"client-certificate-data", "client-key-data"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record AuthInfo(
      @JsonProperty("client-certificate-data") String clientCertificateData,
      @JsonProperty("client-key-data") String clientKeyData) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NamedContext(String name, Context context) {}

  @JsonPropertyOrder({"cluster", "user", "namespace"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Context(String cluster, String user, String namespace) {}

  /**
   * One cluster, one user authenticating with a client certificate, and one context joining them,
   * made current: what {@code kubectl} needs to talk to {@code server} as that user.
   */
  public static Kubeconfig forClientCertificate(
      URI server, X509Certificate ca, CertAndKey client, String clusterName, String userName, String contextName) {
    return new Kubeconfig("v1", "Config",
        List.of(new NamedCluster(clusterName, new Cluster(server.toString(), base64(Pem.encode(ca))))),
        List.of(new NamedAuthInfo(userName, new AuthInfo(base64(client.certificatePem()), base64(client.privateKeyPem())))),
        List.of(new NamedContext(contextName, new Context(clusterName, userName, null))),
        contextName);
  }

  public static Kubeconfig parse(String yaml) {
    try {
      return YAML.readValue(yaml, Kubeconfig.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a kubeconfig: " + e.getOriginalMessage(), e);
    }
  }

  public static Kubeconfig read(Path file) throws IOException {
    try {
      return parse(Files.readString(file));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  public String toYaml() {
    try {
      return YAML.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize kubeconfig", e);
    }
  }

  /** Writes the file {@code 0600}: it holds a private key. */
  public void write(Path file) throws IOException {
    PkiFiles.writePrivate(file, toYaml());
  }

  public Optional<NamedContext> context(String name) {
    return contexts.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public Optional<NamedCluster> cluster(String name) {
    return clusters.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public Optional<NamedAuthInfo> user(String name) {
    return users.stream().filter(u -> u.name().equals(name)).findFirst();
  }

  /** The text of a {@code *-data} field: kubeconfig embeds PEM as standard base64. */
  public static String decodeData(String data) {
    return new String(Base64.getDecoder().decode(data), StandardCharsets.US_ASCII);
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }
}
