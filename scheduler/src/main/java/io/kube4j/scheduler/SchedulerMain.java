package io.kube4j.scheduler;

import io.kube4j.componentbase.flags.GoDuration;
import io.kube4j.scheduler.queue.QueueOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kube-scheduler}'s command line, with its flag names. */
@Command(name = "kube4j-scheduler", mixinStandardHelpOptions = true,
    description = "Assigns pending pods to nodes.")
public final class SchedulerMain implements Callable<Integer> {

  @Option(names = "--kubeconfig", required = true, description = "Path to a kubeconfig with the scheduler's identity.")
  Path kubeconfig;

  @Option(names = "--leader-elect", defaultValue = "true", arity = "0..1")
  boolean leaderElect;

  @Option(names = "--leader-elect-lease-duration", defaultValue = "15s", converter = GoDuration.class)
  Duration leaseDuration;

  @Option(names = "--leader-elect-renew-deadline", defaultValue = "10s", converter = GoDuration.class)
  Duration renewDeadline;

  @Option(names = "--leader-elect-retry-period", defaultValue = "2s", converter = GoDuration.class)
  Duration retryPeriod;

  @Option(names = "--bind-address", defaultValue = "127.0.0.1")
  String bindAddress;

  @Option(names = "--secure-port", defaultValue = "10259")
  int securePort;

  @Option(names = "--tls-cert-file", description = "The serving certificate of /healthz and /metrics (default: self-signed).")
  Path tlsCertFile;

  @Option(names = "--tls-private-key-file")
  Path tlsPrivateKeyFile;

  @Option(names = "--pod-initial-backoff", defaultValue = "1s", converter = GoDuration.class,
      description = "podInitialBackoffSeconds: the first backoff of a pod that failed.")
  Duration podInitialBackoff;

  @Option(names = "--pod-max-backoff", defaultValue = "10s", converter = GoDuration.class,
      description = "podMaxBackoffSeconds: the longest backoff.")
  Duration podMaxBackoff;

  @Option(names = "--pod-max-in-unschedulable-pods-duration", defaultValue = "60s", converter = GoDuration.class)
  Duration podMaxInUnschedulablePods;

  @Option(names = "--percentage-of-nodes-to-score", defaultValue = "0",
      description = "percentageOfNodesToScore; 0 for the adaptive default.")
  int percentageOfNodesToScore;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SchedulerMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    SchedulerOptions options = new SchedulerOptions(kubeconfig,
        new SchedulerOptions.LeaderElection(leaderElect, leaseDuration, renewDeadline, retryPeriod),
        bindAddress, securePort,
        tlsCertFile == null || tlsPrivateKeyFile == null ? Optional.empty()
            : Optional.of(new SchedulerOptions.TlsFiles(tlsCertFile, tlsPrivateKeyFile)),
        new QueueOptions(podInitialBackoff, podMaxBackoff, podMaxInUnschedulablePods),
        percentageOfNodesToScore);
    CountDownLatch lost = new CountDownLatch(1);
    try (Scheduler scheduler = Scheduler.start(options, lost::countDown)) {
      Runtime.getRuntime().addShutdownHook(new Thread(scheduler::close, "scheduler-shutdown"));
      lost.await();
      return 1;  // leaderelection lost: exit, as upstream, and let the supervisor start a fresh process
    }
  }
}
