/**
 * A private containerd for the agent and its tests: {@link io.kube4j.agent.cri.containerd.ContainerdConfig}
 * renders a config.toml with its own root, state, socket and runc root (so it never collides with
 * another containerd on the machine), {@link io.kube4j.agent.cri.containerd.Containerd} runs it as a
 * child process until its CRI plugin answers and, on close, removes what the pods left behind. Not
 * part of kubelet, which expects containerd to be running already; the settings are those of
 * containerd's {@code docs/cri/config.md}.
 */
package io.kube4j.agent.cri.containerd;
