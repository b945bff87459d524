/**
 * Prometheus metrics of the apiserver in the text exposition format: request counts and latencies by
 * verb, resource and code ({@code apiserver_request_total}, {@code apiserver_request_duration_seconds})
 * and etcd request latencies ({@code etcd_request_duration_seconds}).
 *
 * <p>Names follow upstream's {@code k8s.io/apiserver/pkg/endpoints/metrics}. See
 * https://kubernetes.io/docs/reference/instrumentation/metrics/
 */
package io.kube4j.apiserver.metrics;
