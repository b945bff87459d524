/**
 * The TTL-after-finished controller ({@code ttl-after-finished-controller}): a Job with
 * {@code spec.ttlSecondsAfterFinished} is deleted (with its pods, foreground) that many seconds after
 * it completed or failed, so finished Jobs do not pile up.
 */
package io.kube4j.controllermanager.ttlafterfinished;
