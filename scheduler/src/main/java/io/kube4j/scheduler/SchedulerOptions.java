package io.kube4j.scheduler;

import io.kube4j.scheduler.queue.QueueOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The scheduler's settings, named after kube-scheduler's flags and KubeSchedulerConfiguration fields.
 *
 * @param kubeconfig {@code --kubeconfig}: the identity {@code system:kube-scheduler}
 * @param leaderElection {@code --leader-elect} and its timings
 * @param bindAddress {@code --bind-address} of {@code /healthz}, {@code /readyz}, {@code /metrics}
 * @param securePort {@code --secure-port} (10259; 0 picks a free port)
 * @param tlsCertFile {@code --tls-cert-file} and {@code --tls-private-key-file}: the serving certificate;
 *     empty: self-signed
 * @param queue {@code podInitialBackoffSeconds}, {@code podMaxBackoffSeconds} and the unschedulable flush
 * @param percentageOfNodesToScore {@code percentageOfNodesToScore} (0: adaptive)
 */
public record SchedulerOptions(Path kubeconfig, LeaderElection leaderElection, String bindAddress, int securePort,
    Optional<TlsFiles> tlsCertFile, QueueOptions queue, int percentageOfNodesToScore) {

  /** A serving certificate and its key, as PEM files. */
  public record TlsFiles(Path certFile, Path keyFile) {}

  /**
   * {@code --leader-elect} (true), {@code --leader-elect-lease-duration} (15 s),
   * {@code --leader-elect-renew-deadline} (10 s), {@code --leader-elect-retry-period} (2 s).
   */
  public record LeaderElection(boolean enabled, Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {

    public static final LeaderElection DEFAULT = new LeaderElection(true, Duration.ofSeconds(15),
        Duration.ofSeconds(10), Duration.ofSeconds(2));
  }

  public SchedulerOptions withQueue(QueueOptions value) {
    return new SchedulerOptions(kubeconfig, leaderElection, bindAddress, securePort, tlsCertFile, value,
        percentageOfNodesToScore);
  }

  public SchedulerOptions withLeaderElection(LeaderElection value) {
    return new SchedulerOptions(kubeconfig, value, bindAddress, securePort, tlsCertFile, queue,
        percentageOfNodesToScore);
  }
}
