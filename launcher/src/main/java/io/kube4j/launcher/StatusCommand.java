package io.kube4j.launcher;

import io.kube4j.launcher.cluster.ClusterConfig;
import io.kube4j.launcher.cluster.Component;
import io.kube4j.launcher.cluster.ControlPlane;
import io.kube4j.launcher.process.HealthProbe;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./kube4j status}: one line per component with its pid, port and what its health URL
 * says right now. Exits 0 only when every component runs and is healthy.
 */
@Command(name = "status", description = "Show each component's pid, port and health; exit 0 when all are healthy.")
final class StatusCommand implements Callable<Integer> {

  private static final String ROW = "%-20s %-8s %-6s %s%n";

  @Spec CommandSpec spec;

  private final LocalCluster cluster;

  StatusCommand(LocalCluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Optional<ClusterConfig> config = cluster.config();
    if (config.isEmpty()) {
      out.println("kube4j has never run in " + cluster.state().home() + " (start it with ./kube4j up)");
      out.flush();
      return 1;
    }
    out.println("kube4j home: " + cluster.state().home() + "   apiserver: " + ControlPlane.apiServerUrl(config.get()));
    out.printf(ROW, "COMPONENT", "PID", "PORT", "HEALTH");
    HealthProbe probe = cluster.healthProbe();
    boolean allHealthy = true;
    for (Component component : cluster.components(config.get())) {
      OptionalLong pid = cluster.processes().runningPid(component.name());
      String health;
      if (pid.isEmpty()) {
        health = "not running";
        allHealthy = false;
      } else {
        HealthProbe.Result result = probe.probe(component.health());
        health = (result.healthy() ? "healthy" : "unhealthy") + " (" + component.health().url() + ": " + result.detail() + ")";
        allHealthy &= result.healthy();
      }
      out.printf(ROW, component.name(), pid.isPresent() ? Long.toString(pid.getAsLong()) : "-", component.port(), health);
    }
    for (String name : ControlPlane.NOT_YET_AVAILABLE) {
      out.printf(ROW, name, "-", "-", "not yet available");
    }
    out.flush();
    return allHealthy ? 0 : 1;
  }
}
