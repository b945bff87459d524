/**
 * The controller-manager benchmark ({@code benchmark/controllers}): a real etcd, apiserver and
 * controller-manager in this JVM; bursts of API writes of the kind a cluster sees (pods turning
 * ready and unready behind services, an owner with thousands of dependents deleted), and how fast
 * the controllers catch up, beside the speed of the writes themselves (the baseline of the same run).
 */
package io.kube4j.benchmark.controllers;
