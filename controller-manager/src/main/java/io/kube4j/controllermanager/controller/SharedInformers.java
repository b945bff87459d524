package io.kube4j.controllermanager.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One informer per resource type for the whole process ({@code SharedInformerFactory}): every
 * controller interested in pods shares one list+watch of pods and one cache. Informers are created
 * when controllers ask for them and all started together once every controller has registered its
 * handlers.
 */
public final class SharedInformers implements AutoCloseable {

  private final KubernetesClient client;
  private final Map<Class<?>, SharedIndexInformer<?>> informers = new LinkedHashMap<>();
  private final CompletableFuture<Void> synced = new CompletableFuture<>();
  private boolean started;

  public SharedInformers(KubernetesClient client) {
    this.client = client;
  }

  /** The informer of {@code type} across all namespaces; created on first use, not yet started. */
  @SuppressWarnings("unchecked")
  public synchronized <T extends HasMetadata> SharedIndexInformer<T> forType(Class<T> type) {
    return (SharedIndexInformer<T>) informers.computeIfAbsent(type, t -> {
      SharedIndexInformer<T> informer = client.resources(type).inAnyNamespace().runnableInformer(0);
      if (started) {
        informer.start();
      }
      return informer;
    });
  }

  /** Starts every informer and waits until each has listed once ({@code WaitForCacheSync}). */
  public void startAndAwaitSync(Duration timeout) throws TimeoutException {
    CompletableFuture<?>[] syncs;
    synchronized (this) {
      started = true;
      syncs = informers.values().stream().map(SharedIndexInformer::start).toArray(CompletableFuture[]::new);
    }
    try {
      CompletableFuture.allOf(syncs).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      synced.complete(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimeoutException("interrupted while waiting for informer caches to sync");
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("an informer failed to start: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Completes once every informer has listed once ({@code cache.WaitForCacheSync}). Until then a
   * controller would see, say, the Services but not yet their pods, and write empty Endpoints.
   */
  public CompletableFuture<Void> synced() {
    return synced;
  }

  @Override
  public synchronized void close() {
    informers.values().forEach(SharedIndexInformer::close);
  }
}
