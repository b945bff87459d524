package io.kube4j.apiserver.storage.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code --encryption-provider-config} ({@code apiserver.config.k8s.io/v1}
 * EncryptionConfiguration): for each listed resource, its providers in order. A configuration
 * error stops the apiserver with a message naming the problem.
 */
public final class EncryptionConfiguration {

  private EncryptionConfiguration() {}

  /** Transformers by resource, e.g. {@code "secrets"} (core) or {@code "widgets.example.com"}. */
  public static Map<String, Transformer> read(Path file) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    if (root == null || !"EncryptionConfiguration".equals(root.path("kind").asText())) {
      throw new IOException("error while parsing file: " + file + ": kind must be EncryptionConfiguration");
    }
    Map<String, Transformer> out = new LinkedHashMap<>();
    for (JsonNode rule : root.path("resources")) {
      List<PrefixTransformers.Provider> providers = new ArrayList<>();
      for (JsonNode p : rule.path("providers")) {
        providers.addAll(providers(p, file));
      }
      if (providers.isEmpty()) {
        throw new IOException("resources[].providers: Required value: at least one provider is required in " + file);
      }
      Transformer t = new PrefixTransformers(providers);
      for (JsonNode r : rule.path("resources")) {
        out.put(r.asText(), t);
      }
    }
    return out;
  }

  private static List<PrefixTransformers.Provider> providers(JsonNode p, Path file) throws IOException {
    List<PrefixTransformers.Provider> out = new ArrayList<>();
    if (p.has("identity")) {
      out.add(PrefixTransformers.Provider.IDENTITY);
      return out;
    }
    for (String kind : List.of("aescbc", "aesgcm", "secretbox")) {
      if (!p.has(kind)) {
        continue;
      }
      for (JsonNode k : p.path(kind).path("keys")) {
        String name = k.path("name").asText();
        byte[] secret;
        try {
          secret = Base64.getDecoder().decode(k.path("secret").asText());
        } catch (IllegalArgumentException e) {
          throw new IOException(kind + " key \"" + name + "\" in " + file + " is not valid base64", e);
        }
        boolean ok = kind.equals("secretbox") ? secret.length == 32
            : secret.length == 16 || secret.length == 24 || secret.length == 32;
        if (name.isEmpty() || !ok) {
          throw new IOException(kind + " key \"" + name + "\" in " + file + ": needs a name and a "
              + (kind.equals("secretbox") ? "32-byte" : "16, 24 or 32-byte") + " secret, got " + secret.length);
        }
        Transformer t = switch (kind) {
          case "aescbc" -> Providers.aescbc(secret);
          case "aesgcm" -> Providers.aesgcm(secret);
          default -> Providers.secretbox(secret);
        };
        out.add(new PrefixTransformers.Provider("k8s:enc:" + kind + ":v1:" + name + ":", t));
      }
      return out;
    }
    throw new IOException("unknown provider " + p.fieldNames().next() + " in " + file
        + " (known: aescbc, aesgcm, secretbox, identity)");
  }
}
