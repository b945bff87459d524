package io.kube4j.apiserver.printers;

import static io.kube4j.apiserver.printers.Fixtures.NOW;
import static io.kube4j.apiserver.printers.Fixtures.meta;
import static io.kube4j.apiserver.printers.Fixtures.minutesAgo;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPrinterTest {

  private final EventPrinter<Event> core = EventPrinter.core();
  private final EventPrinter<io.fabric8.kubernetes.api.model.events.v1.Event> eventsV1 = EventPrinter.eventsV1();

  @Test
  void coreEventShowsLastSeenObjectAndCount() {
    Event e = new EventBuilder().withMetadata(meta("web.17d2a")).withType("Normal").withReason("Pulled")
        .withMessage("Successfully pulled image \"nginx:1.27\" in 1.2s\n")
        .withInvolvedObject(new ObjectReferenceBuilder().withKind("Pod").withName("web")
            .withFieldPath("spec.containers{nginx}").build())
        .withNewSource().withComponent("kubelet").withHost("node-1").endSource()
        .withFirstTimestamp(minutesAgo(30)).withLastTimestamp(minutesAgo(2)).withCount(4).build();

    assertThat(core.cells(e, NOW)).containsExactly("2m", "Normal", "Pulled", "pod/web", "spec.containers{nginx}",
        "kubelet, node-1", "Successfully pulled image \"nginx:1.27\" in 1.2s", "30m", 4L, "web.17d2a");
  }

  @Test
  void eventWithoutTimestampsFallsBackToEventTimeAndCountsOne() {
    Event e = new EventBuilder().withMetadata(meta("x")).withType("Warning").withReason("FailedScheduling")
        .withMessage("0/3 nodes are available").withInvolvedObject(new ObjectReferenceBuilder().withKind("Pod")
            .withName("big").build())
        .withEventTime(new MicroTime(Fixtures.ago(java.time.Duration.ofSeconds(42)).replace("Z", ".123456Z")))
        .withReportingComponent("default-scheduler").withReportingInstance("default-scheduler-cp-1").build();

    assertThat(core.cells(e, NOW)).containsExactly("41s", "Warning", "FailedScheduling", "pod/big", "",
        "default-scheduler, default-scheduler-cp-1", "0/3 nodes are available", "41s", 1L, "x");
  }

  @Test
  void eventWithoutAnyTimeIsUnknownAndAnObjectWithoutNameShowsItsKind() {
    Event e = new EventBuilder().withMetadata(meta("x")).withReason("Starting")
        .withInvolvedObject(new ObjectReferenceBuilder().withKind("Node").build()).build();

    assertThat(core.cells(e, NOW).subList(0, 4)).containsExactly("<unknown>", "", "Starting", "node");
  }

  @Test
  void eventsV1SeriesShowsLastObservedTimeAndSeriesCount() {
    var e = new io.fabric8.kubernetes.api.model.events.v1.EventBuilder().withMetadata(meta("web.abc"))
        .withType("Warning").withReason("BackOff").withNote("Back-off restarting failed container")
        .withRegarding(new ObjectReferenceBuilder().withKind("Pod").withName("web").build())
        .withEventTime(new MicroTime(minutesAgo(20))).withReportingController("kubelet")
        .withReportingInstance("node-1")
        .withNewSeries().withCount(12).withLastObservedTime(new MicroTime(minutesAgo(1))).endSeries().build();

    assertThat(eventsV1.cells(e, NOW)).containsExactly("60s", "Warning", "BackOff", "pod/web", "",
        "kubelet, node-1", "Back-off restarting failed container", "20m", 12L, "web.abc");
  }

  @Test
  void columnsInterleaveWideOnes() {
    assertThat(core.columns()).extracting(TableColumnDefinition::name).containsExactly("Last Seen", "Type", "Reason",
        "Object", "Subobject", "Source", "Message", "First Seen", "Count", "Name");
    assertThat(core.columns()).extracting(TableColumnDefinition::priority)
        .containsExactly(0, 0, 0, 0, 1, 1, 0, 1, 1, 1);
    assertThat(core.columns().get(9).format()).isEqualTo("name");
    assertThat(eventsV1.columns()).isEqualTo(core.columns());
    assertThat(List.of(core.columns().get(0).format())).containsExactly("");
  }
}
