package io.kube4j.scheduler.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Events about pods off the scheduling thread: a slow or failing events write never delays a
 * decision, and a lost event is only logged, as upstream's broadcaster does. Events are core/v1 with
 * the fields the scheduler's events.k8s.io/v1 events carry ({@code reportingController}
 * {@code default-scheduler}, {@code action} Scheduling or Binding), so {@code kubectl describe pod}
 * and {@code kubectl get events} show them.
 */
public final class EventRecorder implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  public static final String NORMAL = "Normal";
  public static final String WARNING = "Warning";

  private final KubernetesClient client;
  private final String reportingController;
  private final String reportingInstance;
  private final Clock clock;
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "scheduler-events");
    t.setDaemon(true);
    return t;
  });

  public EventRecorder(KubernetesClient client, String reportingController, String reportingInstance, Clock clock) {
    this.client = client;
    this.reportingController = reportingController;
    this.reportingInstance = reportingInstance;
    this.clock = clock;
  }

  /** Records an event about {@code pod}: type Normal or Warning, reason, action, message. */
  public void eventf(Pod pod, String type, String reason, String action, String message) {
    Instant now = clock.instant();
    String ts = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
    String namespace = pod.getMetadata().getNamespace();
    Event event = new EventBuilder()
        .withNewMetadata().withNamespace(namespace)
        .withName(pod.getMetadata().getName() + "." + Long.toHexString(now.getEpochSecond() * 1_000_000_000L + now.getNano()))
        .endMetadata()
        .withNewInvolvedObject().withApiVersion("v1").withKind("Pod").withNamespace(namespace)
        .withName(pod.getMetadata().getName()).withUid(pod.getMetadata().getUid())
        .withResourceVersion(pod.getMetadata().getResourceVersion()).endInvolvedObject()
        .withType(type).withReason(reason).withAction(action).withMessage(message)
        .withNewSource().withComponent(reportingController).endSource()
        .withReportingComponent(reportingController).withReportingInstance(reportingInstance)
        .withFirstTimestamp(ts).withLastTimestamp(ts).withCount(1)
        .withEventTime(new MicroTime(DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.MICROS))))
        .build();
    writer.execute(() -> {
      try {
        client.v1().events().inNamespace(namespace).resource(event).create();
      } catch (RuntimeException e) {
        LOG.warn("could not record event {} for pod {}/{}: {}", reason, namespace, pod.getMetadata().getName(),
            e.getMessage());
      }
    });
  }

  /** Writes what is queued (for at most two seconds), then stops. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
