package io.kube4j.controllermanager.e2e;

import static io.kube4j.controllermanager.e2e.OwnedObjects.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.controllermanager.ControllerManager;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.management.JMException;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One owner with 10,000 dependents, deleted with {@code kubectl delete --cascade=background}: all of
 * them are collected, and the collector's graph forgets them. Prints how long that took and the heap
 * in use (after a full GC) before the dependents existed, while the collector held them in its graph,
 * and once they were gone. The heap is the whole test JVM's: apiserver, watch cache (which keeps the
 * last 10,000 changes, deletions included) and controller-manager together; the collector's own
 * objects are counted apart.
 *
 * <p>Tagged {@code benchmark}, which the default build leaves out: creating 10,000 objects takes most
 * of its two minutes on a small machine. Run it with
 * {@code ./mvnw -o verify -pl controller-manager -Dsurefire.excludedGroups= -Dit.test=GarbageCollectorScaleIT
 * -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false}, and {@code -Dgc.scale.dependents=N} for
 * another size.
 */
@Tag("benchmark")
class GarbageCollectorScaleIT {

  static final int DEPENDENTS = Integer.getInteger("gc.scale.dependents", 10_000);
  static final int CLIENT_THREADS = 32;
  static final Map<String, String> DEPENDENT_LABEL = Map.of("gc-scale", "dependent");

  static TestCluster cluster;
  static ControllerManager manager;
  static KubernetesClient admin;
  static Kubectl kubectl;

  @BeforeAll
  static void start() throws IOException {
    Kubectl.assumeAvailable();
    cluster = TestCluster.startWithFullAdmission();
    Path dir = Files.createTempDirectory("garbage-collector-scale-it");
    manager = ControllerManagerFixture.start(cluster, dir, "cm", () -> { });
    admin = cluster.adminClient();
    kubectl = new Kubectl(cluster.adminKubeconfig(), Files.createDirectories(dir.resolve("kubectl")));
  }

  @AfterAll
  static void stop() {
    if (manager != null) {
      manager.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void tenThousandDependentsOfOneOwnerAreCollectedAfterABackgroundDelete() throws Exception {
    OwnedObjects in = OwnedObjects.in(admin, "gc-scale");
    in.awaitCollectorCaughtUp();
    long heapBefore = heapUsedAfterGc();
    CollectorObjects graphBefore = CollectorObjects.count();
    ConfigMap owner = in.configMap("owner");
    OwnerReference toOwner = ref(owner, false);

    long createStart = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
    try {
      List<Future<?>> creates = new ArrayList<>();
      for (int t = 0; t < CLIENT_THREADS; t++) {
        int thread = t;
        creates.add(pool.submit(() -> {
          for (int i = thread; i < DEPENDENTS; i += CLIENT_THREADS) {
            admin.configMaps().inNamespace("gc-scale").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("dependent-" + i).withLabels(DEPENDENT_LABEL).withOwnerReferences(toOwner).endMetadata()
                .addToData("k", "v").build()).create();
          }
        }));
      }
      for (Future<?> f : creates) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Duration created = Duration.ofNanos(System.nanoTime() - createStart);
    in.awaitCollectorCaughtUp();
    long heapWithDependents = heapUsedAfterGc();
    CollectorObjects graphWithDependents = CollectorObjects.count();

    long deleteStart = System.nanoTime();
    kubectl.run("delete", "configmap", "owner", "-n", "gc-scale", "--cascade=background").assertOk();
    // a generous deadline: this asserts that all go, the time is printed (it depends on the machine)
    Conditions.await("all " + DEPENDENTS + " dependents collected", Duration.ofMinutes(5),
        () -> dependents().list(new ListOptionsBuilder().withLimit(1L).build()).getItems().isEmpty());
    Duration collected = Duration.ofNanos(System.nanoTime() - deleteStart);
    // the graph hears of the last deletions just after the apiserver made them
    Conditions.await("the graph to forget the dependents", Duration.ofSeconds(30),
        () -> CollectorObjects.count().nodes() < graphBefore.nodes() + DEPENDENTS / 100);
    long heapAfter = heapUsedAfterGc();
    CollectorObjects graphAfter = CollectorObjects.count();

    System.out.printf("garbage collector scale: %d dependents created in %d ms, collected in %d ms (%.0f/s)%n",
        DEPENDENTS, created.toMillis(), collected.toMillis(), DEPENDENTS * 1000.0 / collected.toMillis());
    System.out.printf("garbage collector scale: heap used before %d MiB, with %d dependents %d MiB, after %d MiB%n",
        heapBefore >> 20, DEPENDENTS, heapWithDependents >> 20, heapAfter >> 20);
    System.out.printf("garbage collector scale: the collector's own objects before %s, with dependents %s, after %s%n",
        graphBefore, graphWithDependents, graphAfter);
    assertThat(graphWithDependents.nodes()).as("a graph node per dependent")
        .isGreaterThanOrEqualTo(graphBefore.nodes() + DEPENDENTS);
    assertThat(dependents().list().getItems()).isEmpty();
    assertThat(in.getConfigMap("owner")).isNull();
  }

  /** The dependents: the namespace also holds {@code kube-root-ca.crt}, which has no owner. */
  private static FilterWatchListDeletable<ConfigMap, ConfigMapList, Resource<ConfigMap>> dependents() {
    return admin.configMaps().inNamespace("gc-scale").withLabels(DEPENDENT_LABEL);
  }

  /**
   * Live instances of the graph's node class and shallow bytes of all the collector's classes
   * (nodes, identities, owner references, cached metadata; their strings not counted), from a class
   * histogram after a full GC, as {@code jcmd GC.class_histogram} prints it.
   */
  record CollectorObjects(long nodes, long bytes) {
    static final String PACKAGE = "io.kube4j.controllermanager.garbagecollector.";

    static CollectorObjects count() {
      String histogram;
      try {
        histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
            new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
            new Object[] {null}, new String[] {String[].class.getName()});
      } catch (JMException e) {
        throw new AssertionError("no class histogram in this JVM", e);
      }
      long nodes = 0;
      long bytes = 0;
      for (String line : histogram.split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f.length >= 4 && f[3].startsWith(PACKAGE)) {
          bytes += Long.parseLong(f[2]);
          if (f[3].equals(PACKAGE + "Node")) {
            nodes = Long.parseLong(f[1]);
          }
        }
      }
      return new CollectorObjects(nodes, bytes);
    }

    @Override
    public String toString() {
      return nodes + " nodes, " + (bytes >> 10) + " KiB";
    }
  }

  private static long heapUsedAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
