package io.kube4j.controllermanager.job;

import io.kube4j.controllermanager.workqueue.RateLimitingQueue;

/**
 * What the Job controller remembers between syncs, beside the caches: pod creations and deletions in
 * flight, finalizer removals in flight, each Job's failure backoff, and its workqueue (a Job due
 * again later, at its deadline or at the end of a backoff, waits there).
 */
record SyncState(ControllerExpectations expectations, FinalizerExpectations finalizerExpectations,
    BackoffStore backoffStore, RateLimitingQueue<String> queue) {}
