/**
 * Container logs as the runtime writes them (the CRI log format, one record per line:
 * {@code <RFC3339Nano time> <stdout|stderr> <P|F> <content>}) and as {@code kubectl logs} shows
 * them. Mirrors kubelet's {@code pkg/kubelet/kuberuntime/logs/logs.go}; the format is
 * https://github.com/kubernetes/design-proposals-archive/blob/main/node/kubelet-cri-logging.md.
 */
package io.kube4j.agent.kuberuntime.logs;
