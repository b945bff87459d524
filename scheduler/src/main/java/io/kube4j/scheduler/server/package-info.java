/**
 * The scheduler's own HTTPS endpoint: {@code /healthz}, {@code /livez}, {@code /readyz} and
 * Prometheus {@code /metrics} on {@code --secure-port} (10259), as kube-scheduler serves them.
 */
package io.kube4j.scheduler.server;
