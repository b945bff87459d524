package io.kube4j.controllermanager.workqueue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one queue has done, client-go's {@code workqueue} metrics ({@code workqueue_adds_total},
 * {@code workqueue_retries_total}, {@code workqueue_depth}, {@code workqueue_queue_duration_seconds},
 * {@code workqueue_work_duration_seconds}). A growing depth or queue latency means the workers
 * cannot keep up; a long work duration points at a slow reconcile.
 *
 * <p>The per-item hooks ({@link #add}, {@link #get}, {@link #done}) are called by {@link WorkQueue}
 * with its lock held, which guards the two time maps below, as upstream's {@code defaultQueueMetrics}.
 * Counters are {@link LongAdder}s and durations go to HdrHistogram {@link Recorder}s, both safe to
 * write from any thread without a lock; {@link #snapshot} may be called from any thread.
 */
public final class QueueMetrics {

  /** Three significant digits: a 1.234 ms latency is told apart from 1.235 ms. */
  private static final int SIGNIFICANT_DIGITS = 3;

  private final String name;
  private final LongSupplier nanoTime;
  private final LongAdder adds = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder depth = new LongAdder();
  private final Recorder queueLatency = new Recorder(SIGNIFICANT_DIGITS);
  private final Recorder workDuration = new Recorder(SIGNIFICANT_DIGITS);
  /** Guarded by the queue's lock: when each dirty item was first added since it was last handed out. */
  private final Map<Object, Long> addTimes = new HashMap<>();
  /** Guarded by the queue's lock: when each item being processed was handed to a worker. */
  private final Map<Object, Long> processingStartTimes = new HashMap<>();
  /** These three are guarded by {@code this}: the totals {@link #snapshot} reports, and its scratch copy. */
  private final Histogram queueLatencyTotal = new Histogram(SIGNIFICANT_DIGITS);
  private final Histogram workDurationTotal = new Histogram(SIGNIFICANT_DIGITS);
  private final Histogram interval = new Histogram(SIGNIFICANT_DIGITS);

  QueueMetrics(String name, LongSupplier nanoTime) {
    this.name = name;
    this.nanoTime = nanoTime;
  }

  /** An item became dirty: one more add, one deeper; its queue latency starts now. */
  void add(Object item) {
    adds.increment();
    depth.increment();
    addTimes.putIfAbsent(item, nanoTime.getAsLong());
  }

  /** An item was handed to a worker: its queue latency ends, its work duration starts. */
  void get(Object item) {
    depth.decrement();
    long now = nanoTime.getAsLong();
    processingStartTimes.put(item, now);
    Long added = addTimes.remove(item);
    if (added != null) {
      queueLatency.recordValue(micros(now - added));
    }
  }

  /** A worker called done: its work duration ends. */
  void done(Object item) {
    Long started = processingStartTimes.remove(item);
    if (started != null) {
      workDuration.recordValue(micros(nanoTime.getAsLong() - started));
    }
  }

  /** A failed item was put back with a rate-limited delay. Safe from any thread. */
  void retry() {
    retries.increment();
  }

  /** The totals so far. */
  public synchronized Snapshot snapshot() {
    queueLatency.getIntervalHistogramInto(interval);
    queueLatencyTotal.add(interval);
    workDuration.getIntervalHistogramInto(interval);
    workDurationTotal.add(interval);
    return new Snapshot(name, depth.sum(), adds.sum(), retries.sum(),
        queueLatencyTotal.getValueAtPercentile(50), queueLatencyTotal.getValueAtPercentile(99),
        workDurationTotal.getValueAtPercentile(50), workDurationTotal.getValueAtPercentile(99));
  }

  private static long micros(long nanos) {
    return TimeUnit.NANOSECONDS.toMicros(Math.max(0, nanos));
  }

  /**
   * One reading of a queue's metrics; durations in microseconds, 0 before the first sample.
   *
   * @param depth items waiting to be handed out (dirty), as {@code workqueue_depth}
   * @param adds items added, not counting duplicates merged into one already waiting
   * @param retries {@link RateLimitingQueue#addRateLimited} calls
   * @param queueLatencyP50Micros median time from add to a worker's get
   * @param workDurationP50Micros median time from get to done
   */
  public record Snapshot(String name, long depth, long adds, long retries,
      long queueLatencyP50Micros, long queueLatencyP99Micros,
      long workDurationP50Micros, long workDurationP99Micros) {}
}
