/** Builders for the pods and nodes of scheduler tests, after upstream's {@code testing/wrappers.go}. */
package io.kube4j.scheduler.testing;
