package io.kube4j.benchmark;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Watch fan-out: {@code watchers} watches of the ConfigMaps in one namespace, all started from the
 * same LIST resourceVersion, then {@code events} ConfigMaps created by a few clients. Delivered/s is
 * every event every watcher received over the time from the first create to the last delivery; the
 * latency is from a create being sent to a watcher reading its event.
 */
final class WatchFanOut {

  /** One round's outcome. */
  record Result(long delivered, long expected, Duration elapsed, Histogram latency, Measurement creates) {
    double perSecond() {
      return delivered / (elapsed.toNanos() / 1e9);
    }
  }

  private final Runs runs;
  private final ApiClient writer;
  private final ApiClient watcher;

  /** The watches get a client of their own so that their long-lived connections sit in their own pool. */
  WatchFanOut(Runs runs, ApiClient writer, ApiClient watcher) {
    this.runs = runs;
    this.writer = writer;
    this.watcher = watcher;
  }

  /** A small unmeasured round, then the measured one; reports the measured one. */
  Result run(int watchers, int events, int creators, int valueBytes, int warmupEvents) throws Exception {
    Runs.progress("watch fan-out warm-up: " + watchers + " watchers, " + warmupEvents + " events");
    round("watch-warm", watchers, warmupEvents, creators, valueBytes);
    Runs.progress("watch fan-out: " + watchers + " watchers, " + events + " events by " + creators + " clients");
    Result r = runs.accounted("watch fan-out, " + watchers + " watchers",
        () -> round("watch", watchers, events, creators, valueBytes));
    Report report = runs.report();
    report.run(r.creates());
    report.note(String.format(Locale.ROOT,
        "watch fan-out: %d watchers x %,d creates: %,d of %,d events delivered in %.2f s = %s events/s;"
            + " create-to-delivery p50 %s ms, p99 %s ms, max %s ms",
        watchers, events, r.delivered(), r.expected(), r.elapsed().toNanos() / 1e9, Table.number(r.perSecond()),
        Table.number(r.latency().getValueAtPercentile(50) / 1e6), Table.number(r.latency().getValueAtPercentile(99) / 1e6),
        Table.number(r.latency().getMaxValue() / 1e6)));
    return r;
  }

  private Result round(String namespace, int watchers, int events, int creators, int valueBytes) throws Exception {
    String path = "/api/v1/namespaces/" + namespace + "/configmaps";
    writer.post("/api/v1/namespaces", Manifests.namespace(namespace));
    String rv = ListMeta.read(writer.get(path)).resourceVersion();
    CountDownLatch done = new CountDownLatch(watchers);
    List<EventCounter> counters = new ArrayList<>();
    List<CompletableFuture<Integer>> opened = new ArrayList<>();
    for (int w = 0; w < watchers; w++) {
      EventCounter c = new EventCounter(events, done);
      counters.add(c);
      opened.add(watcher.stream(path + "?watch=true&resourceVersion=" + rv, c));
    }
    try {
      // the headers of every watch arrived: each is registered with the watch cache
      CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      for (CompletableFuture<Integer> f : opened) {
        if (f.get() != 200) {
          throw new IOException("watch " + path + ": HTTP " + f.get());
        }
      }
      String padding = Manifests.padding(valueBytes);
      long start = System.nanoTime();
      Measurement creates = LoadRunner.run("create configmap, " + watchers + " watchers attached", creators, events,
          i -> writer.post(path, Manifests.timedConfigMap("cm-" + i, padding, System.nanoTime())));
      done.await(Math.max(60, events / 50), TimeUnit.SECONDS);
      long delivered = 0;
      long last = start;
      Histogram latency = new Histogram(3);
      for (EventCounter c : counters) {
        synchronized (c) {
          delivered += c.count;
          last = Math.max(last, c.lastNanos);
          latency.add(c.latency);
        }
      }
      return new Result(delivered, (long) watchers * events, Duration.ofNanos(last - start), latency, creates);
    } finally {
      counters.forEach(EventCounter::cancel);
    }
  }

  /** One watch's event lines: counts ADDED events and their latency; counts down once when it has them all or ends. */
  private static final class EventCounter implements Flow.Subscriber<String> {
    private final long expected;
    private final CountDownLatch done;
    /** Guarded by this: written by the HTTP client's thread delivering this stream's lines, read at the end. */
    private final Histogram latency = new Histogram(3);
    private long count;
    private long lastNanos;
    private boolean finished;
    private volatile Flow.Subscription subscription;

    EventCounter(long expected, CountDownLatch done) {
      this.expected = expected;
      this.done = done;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(String line) {
      if (!WatchLine.isAdded(line)) {
        return;
      }
      long now = System.nanoTime();
      OptionalLong sent = WatchLine.sentNanos(line);
      if (sent.isPresent()) {
        latency.recordValue(Math.max(0, now - sent.getAsLong()));
      }
      count++;
      lastNanos = now;
      if (count == expected) {
        finish();
      }
    }

    @Override
    public synchronized void onError(Throwable t) {
      finish();
    }

    @Override
    public synchronized void onComplete() {
      finish();
    }

    private void finish() {
      if (!finished) {
        finished = true;
        done.countDown();
      }
    }

    void cancel() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }
}
