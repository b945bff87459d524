/**
 * The apiserver benchmark: creates, GETs, LISTs and watch fan-out through the HTTPS API, measured
 * beside raw etcd puts of the same size and concurrency, as the ceiling the apiserver is held to.
 *
 * <p>Plays the part of upstream's {@code test/integration/apiserver} benchmarks and the perf-tests
 * API call latency SLIs (https://github.com/kubernetes/community/blob/master/sig-scalability/slos/slos.md),
 * on one machine. Run it with {@code benchmark/run}.
 */
package io.kube4j.benchmark;
