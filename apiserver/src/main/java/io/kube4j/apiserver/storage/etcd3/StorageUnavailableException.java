package io.kube4j.apiserver.storage.etcd3;

/** etcd could not answer (down, timed out); the request fails with 500/503 and may be retried. */
public final class StorageUnavailableException extends RuntimeException {
  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
