/**
 * CRI: the Container Runtime Interface, the gRPC API (RuntimeService and ImageService v1) through
 * which the kubelet drives a container runtime such as containerd. {@link
 * io.kube4j.agent.cri.RemoteRuntimeService} and {@link io.kube4j.agent.cri.RemoteImageService} are
 * typed clients over one unix-socket channel, after kubelet's {@code
 * staging/src/k8s.io/cri-client/pkg/remote_runtime.go} and {@code remote_image.go}; the messages
 * are generated from {@code k8s.io/cri-api/pkg/apis/runtime/v1/api.proto} into {@code
 * io.kube4j.agent.cri.v1}. See https://kubernetes.io/docs/concepts/architecture/cri/.
 */
package io.kube4j.agent.cri;
