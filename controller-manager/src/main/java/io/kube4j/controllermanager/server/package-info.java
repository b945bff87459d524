/**
 * The controller-manager's own HTTPS endpoint: {@code /healthz}, {@code /readyz} and {@code /metrics}
 * (per controller: queue depth, adds, retries, queue latency and reconcile duration).
 */
package io.kube4j.controllermanager.server;
