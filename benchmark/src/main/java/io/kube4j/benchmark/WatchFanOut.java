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
 * Watch fan-out: {@code watchers} watches of the ConfigMaps in one namespace, all from the same LIST
 * resourceVersion, while {@code events} ConfigMaps are created by a few clients. Delivered/s counts
 * every event every watcher received, over the time from the first create to the last delivery;
 * latency runs from a create being sent to a watcher reading its event. Since that rate can be no
 * more than watchers x creates/s, a replay follows: as many new watches from the same
 * resourceVersion, which the watch cache serves as fast as it can, measuring the fan-out alone.
 */
final class WatchFanOut {

  /** Events delivered to all watchers over one interval, with their latency when it means something. */
  record Delivery(long delivered, long expected, Duration elapsed, Histogram latency) {
    double perSecond() {
      return delivered / (elapsed.toNanos() / 1e9);
    }
  }

  /** The live round (with the creates that fed it) and the replay. */
  record Result(Delivery live, Measurement creates, Delivery replay) {}

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
    Result r = runs.accounted("watch fan-out and replay, " + watchers + " watchers",
        () -> round("watch", watchers, events, creators, valueBytes));
    Report report = runs.report();
    report.run(r.creates());
    Delivery live = r.live();
    report.note(String.format(Locale.ROOT,
        "watch fan-out: %d watchers x %,d creates: %,d of %,d events delivered in %.2f s = %s events/s;"
            + " create-to-delivery p50 %s ms, p99 %s ms, max %s ms",
        watchers, events, live.delivered(), live.expected(), live.elapsed().toNanos() / 1e9,
        Table.number(live.perSecond()), Table.number(live.latency().getValueAtPercentile(50) / 1e6),
        Table.number(live.latency().getValueAtPercentile(99) / 1e6), Table.number(live.latency().getMaxValue() / 1e6)));
    Delivery replay = r.replay();
    report.note(String.format(Locale.ROOT,
        "watch replay: %d new watchers from the same resourceVersion: %,d of %,d events in %.2f s = %s events/s"
            + " (the watch cache's fan-out alone)",
        watchers, replay.delivered(), replay.expected(), replay.elapsed().toNanos() / 1e9,
        Table.number(replay.perSecond())));
    return r;
  }

  private Result round(String namespace, int watchers, int events, int creators, int valueBytes) throws Exception {
    String path = "/api/v1/namespaces/" + namespace + "/configmaps";
    writer.post("/api/v1/namespaces", Manifests.namespace(namespace));
    String watch = path + "?watch=true&resourceVersion=" + ListMeta.read(writer.get(path)).resourceVersion();

    Watches live = open(watch, watchers, events);
    Measurement creates;
    Delivery delivered;
    try {
      String padding = Manifests.padding(valueBytes);
      long start = System.nanoTime();
      creates = LoadRunner.run("create configmap, " + watchers + " watchers attached", creators, events,
          i -> writer.post(path, Manifests.timedConfigMap("cm-" + i, padding, System.nanoTime())));
      delivered = live.await(start, Duration.ofSeconds(Math.max(60, events / 50)));
    } finally {
      live.cancel();
    }
    long start = System.nanoTime();
    Watches replay = open(watch, watchers, events);
    try {
      return new Result(delivered, creates, replay.await(start, Duration.ofSeconds(Math.max(60, events / 50))));
    } finally {
      replay.cancel();
    }
  }

  /** Opens {@code watchers} watches and waits for all their response headers (each is then registered). */
  private Watches open(String path, int watchers, long expected) throws Exception {
    Watches w = new Watches(watchers, expected);
    List<CompletableFuture<Integer>> opened = new ArrayList<>();
    for (EventCounter c : w.counters) {
      opened.add(watcher.stream(path, c));
    }
    try {
      CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      for (CompletableFuture<Integer> f : opened) {
        if (f.get() != 200) {
          throw new IOException("watch " + path + ": HTTP " + f.get());
        }
      }
    } catch (Exception e) {
      w.cancel();
      throw e;
    }
    return w;
  }

  /** A set of watches expecting the same events. */
  private static final class Watches {
    final CountDownLatch done;
    final List<EventCounter> counters = new ArrayList<>();
    final long expected;

    Watches(int watchers, long expected) {
      this.done = new CountDownLatch(watchers);
      this.expected = expected;
      for (int i = 0; i < watchers; i++) {
        counters.add(new EventCounter(expected, done));
      }
    }

    /** Waits until every watch has its events (or the timeout) and sums them up from {@code start}. */
    Delivery await(long start, Duration timeout) throws InterruptedException {
      done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
      return new Delivery(delivered, expected * counters.size(), Duration.ofNanos(last - start), latency);
    }

    void cancel() {
      counters.forEach(EventCounter::cancel);
    }
  }

  /** One watch's event lines: counts ADDED events and their latency; counts down once when it has them all or ends. */
  private static final class EventCounter implements Flow.Subscriber<String> {
    private final long expected;
    private final CountDownLatch done;
    /** Guarded by this: written by the thread delivering this stream's lines, read at the end. */
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
