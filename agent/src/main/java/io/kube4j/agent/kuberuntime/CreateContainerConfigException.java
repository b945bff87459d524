package io.kube4j.agent.kuberuntime;

/**
 * The container's config cannot be made (a referenced ConfigMap, Secret or key is missing, a field
 * path is unsupported): kubelet reports the container Waiting with reason
 * {@value #REASON} and this message, and retries on the next sync.
 */
public final class CreateContainerConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  public static final String REASON = "CreateContainerConfigError";

  public CreateContainerConfigException(String message) {
    super(message);
  }
}
