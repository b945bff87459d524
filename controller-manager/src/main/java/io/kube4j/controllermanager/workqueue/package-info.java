/**
 * The workqueue every controller is built on: an informer turns each change into a key
 * ({@code namespace/name}), the key goes into a {@link io.kube4j.controllermanager.workqueue.RateLimitingQueue},
 * and workers take keys out one at a time to reconcile them. The queue merges repeated keys and
 * never hands one key to two workers at once; a failed key comes back after a growing delay.
 *
 * <p>See https://kubernetes.io/docs/concepts/architecture/controller/ ; mirrors client-go's
 * {@code k8s.io/client-go/util/workqueue} ({@code queue.go}, {@code delaying_queue.go},
 * {@code rate_limiting_queue.go}, {@code default_rate_limiters.go}, {@code metrics.go}).
 */
package io.kube4j.controllermanager.workqueue;
