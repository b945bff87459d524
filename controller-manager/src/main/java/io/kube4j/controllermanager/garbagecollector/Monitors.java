package io.kube4j.controllermanager.garbagecollector;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph builder's monitors ({@code monitors}, {@code syncMonitors} upstream): one informer per
 * deletable resource, whose events become {@link GraphBuilder.Event}s. Each informer caches metadata
 * only ({@link MetadataOnlyStore}); they are the collector's own rather than the controller-manager's
 * shared typed informers, which would cache whole objects of every resource.
 */
final class Monitors implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Monitors.class);

  private final KubernetesClient client;
  private final GraphBuilder graph;
  /** One resource's informer and its cache. */
  private record Monitor(SharedIndexInformer<GenericKubernetesResource> informer, MetadataOnlyStore store) {}

  /** By {@code apiVersion/resource}; guarded by {@code this}. */
  private final Map<String, Monitor> monitors = new HashMap<>();
  private boolean closed;

  /** @param client lists and watches: the controller-manager's own identity, as for shared informers */
  Monitors(KubernetesClient client, GraphBuilder graph) {
    this.client = client;
    this.graph = graph;
  }

  /**
   * Starts a monitor for each resource not yet monitored and stops those for resources no longer
   * served. Returns when each new monitor has listed, or after {@code timeout}.
   */
  void sync(List<RestMapper.Mapping> resources, Duration timeout) {
    Map<String, CompletableFuture<Void>> started = new HashMap<>();
    synchronized (this) {
      if (closed) {
        return;
      }
      Set<String> wanted = new HashSet<>();
      for (RestMapper.Mapping m : resources) {
        String key = key(m);
        wanted.add(key);
        if (!monitors.containsKey(key)) {
          Monitor monitor = monitor(m);
          monitors.put(key, monitor);
          started.put(key, monitor.informer().start().toCompletableFuture());
        }
      }
      monitors.keySet().removeIf(key -> {
        if (wanted.contains(key)) {
          return false;
        }
        LOG.info("stopping the monitor of {}: no longer served", key);
        monitors.get(key).informer().close();
        return true;
      });
    }
    if (!started.isEmpty()) {
      LOG.info("started monitors for {} resources", started.size());
    }
    try {
      CompletableFuture.allOf(started.values().toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("not all resource monitors synced within {}; proceeding anyway", timeout);
    } catch (ExecutionException e) {
      LOG.warn("a resource monitor failed to start: {}", e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  synchronized boolean isSynced() {
    return !monitors.isEmpty() && monitors.values().stream().allMatch(mon -> mon.informer().hasSynced());
  }

  /**
   * The object as this collector's monitor last saw it, if the resource is monitored and the object
   * in its cache (upstream's {@code getMetadata} reads the monitors' stores the same way).
   */
  Optional<ObjectMetadata> cached(RestMapper.Mapping m, String namespace, String name) {
    Monitor monitor;
    synchronized (this) {
      monitor = monitors.get(key(m));
    }
    if (monitor == null) {
      return Optional.empty();
    }
    return monitor.store().metadata(namespace.isEmpty() ? name : namespace + "/" + name);
  }

  private static String key(RestMapper.Mapping m) {
    return m.apiVersion() + "/" + m.resource();
  }

  private Monitor monitor(RestMapper.Mapping m) {
    var op = client.genericKubernetesResources(m.context());
    SharedIndexInformer<GenericKubernetesResource> informer =
        m.namespaced() ? op.inAnyNamespace().runnableInformer(0) : op.runnableInformer(0);
    MetadataOnlyStore store = new MetadataOnlyStore(m.apiVersion(), m.kind());
    informer.itemStore(store);
    informer.removeNamespaceIndex();
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(GenericKubernetesResource obj) {
        emit(GraphBuilder.EventType.ADD, ObjectMetadata.of(obj), null);
      }

      @Override
      public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
        ObjectMetadata before = ObjectMetadata.of(oldObj);
        ObjectMetadata after = ObjectMetadata.of(newObj);
        // a status update, a lease renewal: nothing the graph keeps has changed
        if (after.differsForGraph(before)) {
          emit(GraphBuilder.EventType.UPDATE, after, before);
        }
      }

      @Override
      public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
        emit(GraphBuilder.EventType.DELETE, ObjectMetadata.of(obj), null);
      }

      private void emit(GraphBuilder.EventType type, ObjectMetadata obj, ObjectMetadata old) {
        graph.enqueue(new GraphBuilder.Event(type, false, obj, old, m.apiVersion(), m.kind()));
      }
    });
    return new Monitor(informer, store);
  }

  @Override
  public synchronized void close() {
    closed = true;
    monitors.values().forEach(mon -> mon.informer().close());
    monitors.clear();
  }
}
