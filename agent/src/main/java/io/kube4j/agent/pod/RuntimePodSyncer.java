package io.kube4j.agent.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.kube4j.agent.runtime.Runtime;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet's pod syncs ({@code SyncPod}, {@code SyncTerminatingPod}, {@code SyncTerminatedPod} in
 * kubelet.go) over a {@link Runtime}: ask the runtime to act, then turn what it reports into the
 * API status and hand that to the {@link StatusManager}.
 */
public final class RuntimePodSyncer implements PodSyncer {

  private static final Logger LOG = LoggerFactory.getLogger(RuntimePodSyncer.class);

  private final Runtime runtime;
  private final StatusManager statusManager;
  private final Supplier<String> hostIp;
  private final Clock clock;

  public RuntimePodSyncer(Runtime runtime, StatusManager statusManager, Supplier<String> hostIp, Clock clock) {
    this.runtime = runtime;
    this.statusManager = statusManager;
    this.hostIp = hostIp;
    this.clock = clock;
  }

  @Override
  public boolean syncPod(Pod pod) {
    io.kube4j.agent.runtime.PodStatus before = runtime.podStatus(pod);
    io.kube4j.agent.runtime.PodStatus after = runtime.syncPod(pod, before);
    PodStatus status = PodStatusGenerator.generate(withLatestStatus(pod), after, hostIp.get(), false, clock.instant());
    statusManager.setPodStatus(pod, status);
    return PodStatusGenerator.isTerminal(status.getPhase());
  }

  @Override
  public void syncTerminatingPod(Pod pod, Duration gracePeriod) {
    LOG.info("pod {}/{}: stopping (grace period {}s)", pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
        gracePeriod.toSeconds());
    runtime.killPod(pod, gracePeriod);
    io.kube4j.agent.runtime.PodStatus stopped = runtime.podStatus(pod);
    statusManager.setPodStatus(pod,
        PodStatusGenerator.generate(withLatestStatus(pod), stopped, hostIp.get(), true, clock.instant()));
  }

  @Override
  public void syncTerminatedPod(Pod pod) {
    runtime.removePod(pod.getMetadata().getUid());
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      statusManager.deletePod(pod);
      LOG.info("pod {}/{}: deleted", pod.getMetadata().getNamespace(), pod.getMetadata().getName());
    }
  }

  @Override
  public void forgetPod(Pod pod) {
    runtime.killPod(pod, Duration.ZERO);
    runtime.removePod(pod.getMetadata().getUid());
    statusManager.forget(pod.getMetadata().getUid());
  }

  /** The pod with the status this agent last set, which may be newer than the informer's copy. */
  private Pod withLatestStatus(Pod pod) {
    return statusManager.podStatus(pod.getMetadata().getUid())
        .map(s -> new PodBuilder(pod).withStatus(s).build()).orElse(pod);
  }
}
