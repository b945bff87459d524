/**
 * The agent's own HTTP endpoints. For now the healthz endpoint kubelet serves on
 * {@code --healthz-port} (10248, plain HTTP on loopback; pkg/kubelet/server's healthz); the node API
 * on 10250 (logs, exec) is still to come.
 */
package io.kube4j.agent.server;
