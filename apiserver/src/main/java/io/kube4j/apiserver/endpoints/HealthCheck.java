package io.kube4j.apiserver.endpoints;

/** One named check of {@code /readyz} or {@code /livez}, e.g. {@code etcd}. */
public interface HealthCheck {

  String name();

  /** Throws when unhealthy; the message is shown by {@code ?verbose}. */
  void check() throws Exception;
}
