package io.kube4j.launcher;

import io.kube4j.launcher.cluster.ClusterConfig;
import io.kube4j.launcher.cluster.Component;
import io.kube4j.launcher.process.ProcessControl.Stopped;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./kube4j down}: stops every component this cluster started, clients before the store
 * (apiserver before etcd: the reverse of the start order), each with SIGTERM and a deadline, then
 * SIGKILL. Keeps all data: the next {@code up} finds the same objects, certificates and ports.
 * Running it when nothing runs is fine.
 */
@Command(name = "down", description = "Stop every component of the cluster (data and certificates are kept).")
final class DownCommand implements Callable<Integer> {

  /** Time to shut down cleanly: etcd syncs its WAL, the apiserver drains requests. */
  static final Duration GRACE = Duration.ofSeconds(15);

  @Spec CommandSpec spec;

  private final LocalCluster cluster;

  DownCommand(LocalCluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isDirectory(cluster.state().home())) {
      out.println("kube4j is not running (no state in " + cluster.state().home() + ")");
      out.flush();
      return 0;
    }
    return cluster.whileLocked(() -> {
      boolean stoppedAny = false;
      for (String name : stopOrder(cluster.config())) {
        Stopped stopped = cluster.processes().stop(name, GRACE);
        if (stopped instanceof Stopped.Terminated terminated) {
          out.println(name + ": stopped (pid " + terminated.pid() + ")");
          stoppedAny = true;
        } else if (stopped instanceof Stopped.Killed killed) {
          out.println(name + ": killed (pid " + killed.pid() + " ignored SIGTERM for " + GRACE.toSeconds() + "s)");
          stoppedAny = true;
        }
        out.flush();
      }
      out.println(stoppedAny ? "kube4j is down." : "kube4j is not running.");
      out.flush();
      return 0;
    });
  }

  /**
   * Declared components in reverse start order, then any other component with a pid file (one
   * started by an older or newer kube4j whose list differed).
   */
  private List<String> stopOrder(Optional<ClusterConfig> config) throws java.io.IOException {
    Set<String> order = new LinkedHashSet<>();
    if (config.isPresent()) {
      List<Component> components = new ArrayList<>(cluster.components(config.get()));
      java.util.Collections.reverse(components);
      components.forEach(c -> order.add(c.name()));
    }
    order.addAll(cluster.processes().recordedComponents());
    return List.copyOf(order);
  }
}
