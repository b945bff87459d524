package io.kube4j.benchmark;

/**
 * The JSON bodies the benchmark POSTs. Written as text rather than through a codec so that the
 * client's cost per call stays negligible beside the server's; names are [a-z0-9-] and need no escaping.
 */
final class Manifests {

  private Manifests() {}

  static String namespace(String name) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}";
  }

  /** A ConfigMap whose data holds one value of {@code padding.length()} bytes. */
  static String configMap(String name, String padding) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
        + "\"},\"data\":{\"v\":\"" + padding + "\"}}";
  }

  /**
   * A ConfigMap that also carries the {@link System#nanoTime()} it was sent at, under data key
   * {@code t}, so a watcher in this JVM can tell how long its event took to arrive.
   */
  static String timedConfigMap(String name, String padding, long sentNanos) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
        + "\"},\"data\":{\"t\":\"" + sentNanos + "\",\"v\":\"" + padding + "\"}}";
  }

  /** The smallest valid Pod: one container with a name and an image. */
  static String pod(String name) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name
        + "\"},\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"registry.k8s.io/pause:3.10\"}]}}";
  }

  /** {@code bytes} ASCII characters: a value of exactly that many bytes, in JSON and in etcd. */
  static String padding(int bytes) {
    return "x".repeat(bytes);
  }
}
