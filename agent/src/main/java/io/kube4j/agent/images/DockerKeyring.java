package io.kube4j.agent.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.kube4j.agent.cri.v1.AuthConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Registry credentials from a pod's imagePullSecrets, looked up by image, after kubelet's
 * {@code pkg/credentialprovider/keyring.go}. A key is a registry host, optionally with a port, a
 * path prefix, a scheme, or a leading {@code *.} glob; {@code index.docker.io} and Docker Hub's
 * {@code https://index.docker.io/v1/} mean {@code docker.io}. The most specific keys come first;
 * kubelet tries each matching credential in turn.
 */
public final class DockerKeyring {

  /** One credential and the key it was stored under. */
  public record Entry(String host, String pathPrefix, AuthConfig auth) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<Entry> entries = new ArrayList<>();

  /** Reads {@code kubernetes.io/dockerconfigjson} ({@code .dockerconfigjson}) and legacy {@code .dockercfg} secrets. */
  public static DockerKeyring fromSecrets(List<Secret> secrets) {
    DockerKeyring keyring = new DockerKeyring();
    for (Secret secret : secrets) {
      Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
      try {
        if (data.containsKey(".dockerconfigjson")) {
          keyring.addAll(JSON.readTree(decode(data.get(".dockerconfigjson"))).path("auths"));
        } else if (data.containsKey(".dockercfg")) {
          keyring.addAll(JSON.readTree(decode(data.get(".dockercfg"))));
        }
      } catch (IOException e) {
        // kubelet skips an unreadable pull secret and pulls with what else it has
      }
    }
    keyring.entries.sort(Comparator.comparingInt((Entry e) -> e.host().length() + e.pathPrefix().length()).reversed());
    return keyring;
  }

  private void addAll(JsonNode auths) {
    for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode c = e.getValue();
      String username = c.path("username").asText("");
      String password = c.path("password").asText("");
      if (!c.path("auth").asText("").isEmpty()) {
        String[] userPass = decode(c.path("auth").asText()).split(":", 2);
        username = userPass[0];
        password = userPass.length > 1 ? userPass[1] : "";
      }
      String key = e.getKey().contains("://") ? e.getKey() : "https://" + e.getKey();
      URI uri = URI.create(key);
      String host = uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
      String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
      if (host.equals("index.docker.io") || host.equals("registry-1.docker.io")) {
        host = ImageReference.DEFAULT_DOMAIN;
        path = path.equals("/v1") ? "" : path;
      }
      entries.add(new Entry(host, path, AuthConfig.newBuilder().setUsername(username).setPassword(password)
          .setServerAddress(e.getKey()).setIdentityToken(c.path("identitytoken").asText("")).build()));
    }
  }

  /** The credentials whose key matches {@code image}, most specific first; empty: pull anonymously. */
  public List<AuthConfig> lookup(String image) {
    ImageReference ref = ImageReference.parse(image);
    return entries.stream().filter(e -> hostMatches(e.host(), ref.domain())
        && ("/" + ref.path()).startsWith(e.pathPrefix())).map(Entry::auth).toList();
  }

  private static boolean hostMatches(String pattern, String host) {
    if (pattern.startsWith("*.")) {
      String suffix = pattern.substring(1);
      return host.endsWith(suffix) && host.indexOf('.') == host.length() - suffix.length();
    }
    return pattern.equals(host);
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
  }
}
