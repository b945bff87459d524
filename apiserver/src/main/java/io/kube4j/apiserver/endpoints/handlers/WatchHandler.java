package io.kube4j.apiserver.endpoints.handlers;

import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.endpoints.ApiRequest;
import io.kube4j.apiserver.endpoints.RequestInfo;
import io.kube4j.apiserver.endpoints.Responder;
import io.kube4j.apiserver.endpoints.TableConvertor;
import io.kube4j.apiserver.printers.IncludeObject;
import io.kube4j.apiserver.endpoints.negotiation.OutputFormat;
import io.kube4j.apiserver.registry.ApiResource;
import io.kube4j.apiserver.registry.generic.ListOptions;
import io.kube4j.apiserver.watch.CachedObject;
import io.kube4j.apiserver.watch.WatchCache;
import io.kube4j.apiserver.watch.WatchEvent;
import io.kube4j.apiserver.watch.Watcher;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * WATCH ({@code handlers.serveWatch}): a chunked 200 response with one JSON line per event,
 * {@code {"type":"ADDED","object":{...}}}, flushed as it happens; in Table form when asked (kubectl
 * {@code get -w}), with column definitions only on the first event. A watch that cannot start
 * (too old a resourceVersion) answers with one ERROR event carrying the 410 Status, as upstream.
 */
public final class WatchHandler {

  private WatchHandler() {}

  public static void watch(RequestScope<?> scope, RequestInfo info, ApiRequest req, Responder responder) {
    ListOptions options = ListHandler.listOptions(scope, info, req);
    if (!info.name().isEmpty()) {
      options = withName(scope, info, req);
    }
    OutputFormat format = OutputFormat.negotiate(req.headerValues("Accept"));
    if (format == OutputFormat.YAML) {
      format = OutputFormat.JSON;
    }
    IncludeObject include = IncludeObject.fromQueryParameter(req.param("includeObject"));
    long timeoutSeconds = parseTimeout(req.param("timeoutSeconds"));
    boolean bookmarks = "true".equals(req.param("allowWatchBookmarks"));
    String contentType = format == OutputFormat.TABLE ? OutputFormat.TABLE.contentType() : "application/json";

    Responder.Stream stream = responder.openStream(200, contentType);
    EventWriter writer = new EventWriter(scope, stream, format, include, bookmarks);
    WatchCache.Registration registration;
    try {
      registration = scope.store().watch(options, writer);
    } catch (StatusException e) {
      writer.onClose(e);
      return;
    }
    stream.onClose(registration::close);
    if (timeoutSeconds > 0) {
      ScheduledFuture<?> timer = scope.timers().schedule(stream::close, timeoutSeconds, TimeUnit.SECONDS);
      stream.onClose(() -> timer.cancel(false));
    }
  }

  /** {@code GET .../pods/p1?watch=true}: a watch of one object, by name. */
  private static ListOptions withName(RequestScope<?> scope, RequestInfo info, ApiRequest req) {
    ListOptions o = ListHandler.listOptions(scope, info, req);
    String name = info.name();
    var p = o.predicate();
    return new ListOptions(new io.kube4j.apiserver.watch.SelectionPredicate(p.labels(),
        f -> name.equals(f.get("metadata.name")) && p.fields().test(f), p.namespace()),
        o.resourceVersion(), o.resourceVersionMatch(), o.limit(), o.continueToken());
  }

  private static long parseTimeout(String v) {
    if (v.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw StatusException.badRequest("timeoutSeconds: Invalid value: \"" + v + "\": must be an integer");
    }
  }

  /** Encodes events for one client watch and writes them to its stream. */
  private static final class EventWriter implements Watcher {
    private final RequestScope<?> scope;
    private final Responder.Stream stream;
    private final OutputFormat format;
    private final IncludeObject include;
    private final boolean bookmarks;
    /** Only touched by the cache's drain of this watcher (one thread at a time). */
    private boolean columnsSent;

    EventWriter(RequestScope<?> scope, Responder.Stream stream, OutputFormat format,
        IncludeObject include, boolean bookmarks) {
      this.scope = scope;
      this.stream = stream;
      this.format = format;
      this.include = include;
      this.bookmarks = bookmarks;
    }

    @Override
    public boolean wantsBookmarks() {
      return bookmarks && format == OutputFormat.JSON;
    }

    @Override
    public void onEvent(WatchEvent event) {
      byte[] object = switch (event.type()) {
        case BOOKMARK -> bookmark(scope.resource(), event.resourceVersion());
        default -> format == OutputFormat.TABLE ? table(event.object()) : event.object().json();
      };
      stream.write(line(event.type().name(), object));
    }

    private byte[] table(CachedObject o) {
      byte[] t = scope.tables().table(scope.resource(), List.of(o),
          new TableConvertor.ListMeta(Long.toString(o.resourceVersion()), "", 0), include, !columnsSent);
      columnsSent = true;
      return t;
    }

    @Override
    public void onClose(StatusException why) {
      stream.write(line("ERROR", scope.codec().encode(why.toStatus())));
      stream.close();
    }
  }

  /** A BOOKMARK's object: an empty object of the kind carrying only the revision reached. */
  static byte[] bookmark(ApiResource r, long revision) {
    return ("{\"kind\":\"" + r.kind() + "\",\"apiVersion\":\"" + r.groupVersion()
        + "\",\"metadata\":{\"resourceVersion\":\"" + revision + "\",\"creationTimestamp\":null}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] line(String type, byte[] object) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(object.length + 32);
    out.writeBytes(("{\"type\":\"" + type + "\",\"object\":").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(object);
    out.writeBytes("}\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
