package io.kube4j.apiserver.printers;

import static io.kube4j.apiserver.printers.Formats.orEmpty;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code kubectl get events}: LAST SEEN TYPE REASON OBJECT MESSAGE | SUBOBJECT SOURCE FIRST SEEN COUNT
 * NAME (the priority-1 columns are interleaved, as upstream declares them). A port of {@code printEvent}.
 *
 * <p>Upstream stores both {@code core/v1} and {@code events.k8s.io/v1} Events as one internal Event and
 * prints them alike; here each is read through {@link View}, with the {@code events.k8s.io/v1} fields
 * mapped as {@code pkg/apis/events/v1/conversion.go} does ({@code regarding} → involvedObject,
 * {@code note} → message, {@code deprecated*} → the old fields).
 *
 * <p>LAST SEEN falls back to FIRST SEEN, which falls back to {@code eventTime}; an event series shows its
 * {@code lastObservedTime} and count. A singleton event of the new API has no count and counts 1.
 */
final class EventPrinter<T extends HasMetadata> implements TablePrinter<T> {

  /** The fields of an Event that the printer reads, whichever API version it came from. */
  record View(
      String name,
      String type,
      String reason,
      String message,
      ObjectReference involvedObject,
      EventSource source,
      String reportingController,
      String reportingInstance,
      String firstTimestamp,
      String lastTimestamp,
      MicroTime eventTime,
      Integer count,
      Integer seriesCount,
      MicroTime seriesLastObservedTime,
      boolean hasSeries) {}

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.string("Last Seen", "The time at which the most recent occurrence of this event was recorded."),
      Columns.string("Type", "Type of this event (Normal, Warning), new types could be added in the future"),
      Columns.string("Reason", "This should be a short, machine understandable string that gives the reason for"
          + " the transition into the object's current status."),
      Columns.string("Object", "The object that this event is about."),
      Columns.wide("Subobject", "If referring to a piece of an object instead of an entire object, this string"
          + " should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]."),
      Columns.wide("Source", "The component reporting this event. Should be a short machine understandable"
          + " string."),
      Columns.string("Message", "A human-readable description of the status of this operation."),
      Columns.wide("First Seen", "The time at which the event was first recorded. (Time of server receipt is in"
          + " TypeMeta.)"),
      Columns.wide("Count", "The number of times this event has occurred."),
      new TableColumnDefinition("Name", Columns.STRING, "name", Columns.NAME_DESCRIPTION, 1));

  private final Function<T, View> view;

  private EventPrinter(Function<T, View> view) {
    this.view = view;
  }

  /** The printer for {@code core/v1} Events. */
  static EventPrinter<Event> core() {
    return new EventPrinter<>(e -> new View(
        Formats.name(e), e.getType(), e.getReason(), e.getMessage(), e.getInvolvedObject(), e.getSource(),
        e.getReportingComponent(), e.getReportingInstance(), e.getFirstTimestamp(), e.getLastTimestamp(),
        e.getEventTime(), e.getCount(),
        e.getSeries() == null ? null : e.getSeries().getCount(),
        e.getSeries() == null ? null : e.getSeries().getLastObservedTime(),
        e.getSeries() != null));
  }

  /** The printer for {@code events.k8s.io/v1} Events. */
  static EventPrinter<io.fabric8.kubernetes.api.model.events.v1.Event> eventsV1() {
    return new EventPrinter<>(e -> new View(
        Formats.name(e), e.getType(), e.getReason(), e.getNote(), e.getRegarding(), e.getDeprecatedSource(),
        e.getReportingController(), e.getReportingInstance(), e.getDeprecatedFirstTimestamp(),
        e.getDeprecatedLastTimestamp(), e.getEventTime(), e.getDeprecatedCount(),
        e.getSeries() == null ? null : e.getSeries().getCount(),
        e.getSeries() == null ? null : e.getSeries().getLastObservedTime(),
        e.getSeries() != null));
  }

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(T obj, Instant now) {
    View e = view.apply(obj);
    Optional<Instant> first = Formats.parseTime(e.firstTimestamp());
    String firstSeen = first.isPresent()
        ? Formats.since(first, now) : Formats.since(Formats.parseTime(e.eventTime()), now);
    Optional<Instant> last = Formats.parseTime(e.lastTimestamp());
    String lastSeen = last.isPresent() ? Formats.since(last, now) : firstSeen;

    long count = Formats.orZero(e.count());
    if (e.hasSeries()) {
      lastSeen = Formats.since(Formats.parseTime(e.seriesLastObservedTime()), now);
      count = Formats.orZero(e.seriesCount());
    } else if (count == 0) {
      count = 1;
    }

    ObjectReference involved = e.involvedObject() == null ? new ObjectReference() : e.involvedObject();
    String kind = orEmpty(involved.getKind()).toLowerCase(Locale.ROOT);
    String target = orEmpty(involved.getName()).isEmpty() ? kind : kind + "/" + involved.getName();

    return List.of(
        lastSeen,
        orEmpty(e.type()),
        orEmpty(e.reason()),
        target,
        orEmpty(involved.getFieldPath()),
        formatEventSource(e),
        orEmpty(e.message()).strip(),
        firstSeen,
        count,
        e.name());
  }

  /**
   * {@code formatEventSource}: {@code component, host}, each taken from {@code source} or else from the
   * reporting controller and instance; just the component when there is no host.
   */
  private static String formatEventSource(View e) {
    EventSource source = e.source() == null ? new EventSource() : e.source();
    String component = firstNonEmpty(source.getComponent(), e.reportingController());
    String instance = firstNonEmpty(source.getHost(), e.reportingInstance());
    return instance.isEmpty() ? component : component + ", " + instance;
  }

  private static String firstNonEmpty(String a, String b) {
    return !orEmpty(a).isEmpty() ? a : orEmpty(b);
  }
}
