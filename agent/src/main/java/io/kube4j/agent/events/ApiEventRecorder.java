package io.kube4j.agent.events;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Events through the node's API client on an executor shared by every node of the process
 * (upstream's broadcaster and {@code EventSinkImpl}). An event that cannot be written is logged and
 * dropped, as upstream does; repeated events are not aggregated into one with a count.
 */
public final class ApiEventRecorder implements EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(ApiEventRecorder.class);

  private final KubernetesClient client;
  private final String nodeName;
  private final Executor sink;
  private final Clock clock;

  public ApiEventRecorder(KubernetesClient client, String nodeName, Executor sink, Clock clock) {
    this.client = client;
    this.nodeName = nodeName;
    this.sink = sink;
    this.clock = clock;
  }

  @Override
  public void event(Pod pod, String fieldPath, String type, String reason, String message) {
    Instant at = clock.instant();
    String now = at.truncatedTo(ChronoUnit.SECONDS).toString();
    String namespace = pod.getMetadata().getNamespace();
    var event = new EventBuilder()
        // upstream names an event <object>.<unix nanos in hex>
        .withNewMetadata().withName(pod.getMetadata().getName() + "."
            + Long.toHexString(at.getEpochSecond() * 1_000_000_000L + at.getNano()))
        .withNamespace(namespace).endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion("v1").withKind("Pod").withNamespace(namespace)
            .withName(pod.getMetadata().getName()).withUid(pod.getMetadata().getUid())
            .withFieldPath(fieldPath.isEmpty() ? null : fieldPath).build())
        .withType(type).withReason(reason).withMessage(message)
        .withNewSource().withComponent("kubelet").withHost(nodeName).endSource()
        .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
        .withReportingComponent("kubelet").withReportingInstance(nodeName).build();
    try {
      sink.execute(() -> {
        try {
          client.v1().events().inNamespace(namespace).resource(event).create();
        } catch (KubernetesClientException e) {
          LOG.debug("could not record event {} on {}/{}: {}", reason, namespace, pod.getMetadata().getName(),
              e.getMessage());
        }
      });
    } catch (RejectedExecutionException e) {
      LOG.debug("agent closing; dropping event {}", reason);
    }
  }
}
