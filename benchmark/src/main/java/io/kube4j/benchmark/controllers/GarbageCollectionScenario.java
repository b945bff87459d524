package io.kube4j.benchmark.controllers;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;

/**
 * One owner with many dependents, deleted in the background: the garbage collector must delete them
 * all. Measured beside creating them (the baseline), with the JVM's heap after a full GC before the
 * dependents exist, once the collector knows them all, and after they are gone.
 */
final class GarbageCollectionScenario {

  static final String NAMESPACE = "bench-gc";

  record Result(int dependents, Duration create, Duration collect, long heapBeforeMiB, long heapLoadedMiB,
      long heapAfterMiB) {}

  private final KubernetesClient client;
  private final ParallelWriter writer;
  private final int dependents;

  GarbageCollectionScenario(KubernetesClient client, ParallelWriter writer, int dependents) {
    this.client = client;
    this.writer = writer;
    this.dependents = dependents;
  }

  Result run() throws Exception {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    ConfigMap owner = client.configMaps().inNamespace(NAMESPACE).resource(new ConfigMapBuilder().withNewMetadata()
        .withName("owner").endMetadata().build()).create();
    var ref = new OwnerReferenceBuilder().withApiVersion("v1").withKind("ConfigMap").withName("owner")
        .withUid(owner.getMetadata().getUid()).build();
    long heapBefore = heapMiB();
    Duration create = writer.run(dependents, i -> client.configMaps().inNamespace(NAMESPACE).resource(
        new ConfigMapBuilder().withNewMetadata().withName("dependent-" + i).withOwnerReferences(ref).endMetadata()
            .withData(Map.of("i", Integer.toString(i))).build()).create());
    long heapLoaded = heapMiB();
    long start = System.nanoTime();
    client.configMaps().inNamespace(NAMESPACE).withName("owner").withPropagationPolicy(DeletionPropagation.BACKGROUND)
        .delete();
    long done = Converge.await("every dependent collected", Duration.ofMinutes(10),
        () -> client.configMaps().inNamespace(NAMESPACE).list().getItems().stream()
            .noneMatch(c -> c.getMetadata().getName().startsWith("dependent-")));
    Duration collect = Duration.ofNanos(done - start);
    return new Result(dependents, create, collect, heapBefore, heapLoaded, heapMiB());
  }

  /** Heap in use after a full collection (the whole JVM: apiserver, controllers and this driver). */
  static long heapMiB() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }
}
