package io.kube4j.controllermanager.nodelifecycle;

/**
 * A token bucket of burst one ({@code flowcontrol.NewTokenBucketRateLimiter(qps, 1)}), as each zone's
 * eviction limiter is: a node may be tainted for eviction when a token is there. Rate 0 never refills.
 */
final class TokenBucket {

  private double qps;
  private double tokens = 1;
  private long last;

  TokenBucket(double qps, long nowNanos) {
    this.qps = qps;
    this.last = nowNanos;
  }

  /** Changes the rate (a zone's state changed); tokens already there stay. */
  synchronized void setRate(double newQps, long nowNanos) {
    refill(nowNanos);
    this.qps = newQps;
  }

  synchronized double rate() {
    return qps;
  }

  synchronized boolean tryTake(long nowNanos) {
    refill(nowNanos);
    if (qps > 0 && tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  private void refill(long nowNanos) {
    tokens = Math.min(1, tokens + qps * (nowNanos - last) / 1e9);
    last = nowNanos;
  }
}
