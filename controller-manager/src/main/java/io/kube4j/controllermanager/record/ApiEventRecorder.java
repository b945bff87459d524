package io.kube4j.controllermanager.record;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Events through the API from a thread of its own (upstream's broadcaster and
 * {@code EventSinkImpl}), so that a controller's loop never waits on it. An event that cannot be
 * written is logged and dropped, as upstream does. Unlike upstream, repeated events are not
 * aggregated into one with a count.
 */
public final class ApiEventRecorder implements EventRecorder, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiEventRecorder.class);

  private final KubernetesClient client;
  private final String component;
  private final Clock clock;
  private final ExecutorService sink;

  /** @param component {@code source.component}, e.g. {@code garbage-collector-controller} */
  public ApiEventRecorder(KubernetesClient client, String component, Clock clock) {
    this.client = client;
    this.component = component;
    this.clock = clock;
    this.sink = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, component + "-events");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void event(ObjectReference involvedObject, String type, String reason, String message) {
    Instant at = clock.instant();
    String now = at.truncatedTo(ChronoUnit.SECONDS).toString();
    // an event about a cluster-scoped object lives in "default", as upstream's recorder puts it
    String namespace = involvedObject.getNamespace() == null || involvedObject.getNamespace().isEmpty()
        ? "default" : involvedObject.getNamespace();
    var event = new EventBuilder()
        // upstream names an event <object>.<unix nanos in hex>
        .withNewMetadata().withName(involvedObject.getName() + "."
            + Long.toHexString(at.getEpochSecond() * 1_000_000_000L + at.getNano()))
        .withNamespace(namespace).endMetadata()
        .withInvolvedObject(involvedObject).withType(type).withReason(reason).withMessage(message)
        .withNewSource().withComponent(component).endSource()
        .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
        .withReportingComponent(component).build();
    try {
      sink.execute(() -> {
        try {
          client.v1().events().inNamespace(namespace).resource(event).create();
        } catch (KubernetesClientException e) {
          LOG.warn("could not record event {} on {}: {}", reason, involvedObject.getName(), e.getMessage());
        }
      });
    } catch (RejectedExecutionException e) {
      LOG.debug("recorder closed; dropping event {}", reason);
    }
  }

  @Override
  public void close() {
    sink.shutdownNow();
  }
}
