/**
 * One local cluster as the launcher knows it: the state directory ({@code $KUBE4J_HOME}), the ports
 * recorded in it, and the declaration of each control-plane component (name, program, flags,
 * health URL). Adding a component is one line in {@link io.kube4j.launcher.cluster.ControlPlane}.
 *
 * <p>The flags are Kubernetes' own; see https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
 * and kubeadm's static Pod manifests ({@code cmd/kubeadm/app/phases/controlplane/manifests.go}).
 */
package io.kube4j.launcher.cluster;
