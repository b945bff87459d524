/**
 * A component's own HTTPS endpoint: {@code /healthz}, {@code /livez}, {@code /readyz} and Prometheus
 * {@code /metrics}, as kube-controller-manager (10257) and kube-scheduler (10259) serve them
 * ({@code k8s.io/apiserver/pkg/server/healthz}, {@code component-base/metrics}).
 */
package io.kube4j.componentbase.server;
