/**
 * Running components as detached background processes: start with output to a log file and the
 * pid in a pid file, find them again from a later {@code ./kube4j} invocation, probe their health
 * endpoints, and stop them (SIGTERM, a deadline, then SIGKILL), as an init system would.
 *
 * <p>Health endpoints: https://kubernetes.io/docs/reference/using-api/health-checks/
 */
package io.kube4j.launcher.process;
