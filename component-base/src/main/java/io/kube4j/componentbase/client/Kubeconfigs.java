package io.kube4j.componentbase.client;

import io.fabric8.kubernetes.client.Config;
import io.kube4j.pki.cert.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Reads a kubeconfig into a Fabric8 {@link Config}. */
public final class Kubeconfigs {

  private Kubeconfigs() {}

  /**
   * The kubeconfig's current context as a client configuration. Fabric8 assumes an RSA client key
   * unless told otherwise; kube4j's certificates use ECDSA keys, so the key's algorithm is read from
   * the key itself, as Go's TLS stack does.
   */
  public static Config read(Path kubeconfig) throws IOException {
    Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
    String keyPem = null;
    if (config.getClientKeyData() != null) {
      keyPem = new String(Base64.getDecoder().decode(config.getClientKeyData()), StandardCharsets.UTF_8);
    } else if (config.getClientKeyFile() != null) {
      keyPem = Files.readString(Path.of(config.getClientKeyFile()));
    }
    if (keyPem != null) {
      config.setClientKeyAlgo(Pem.parsePrivateKey(keyPem).getAlgorithm());
    }
    return config;
  }
}
