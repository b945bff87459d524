/**
 * The {@code ./kube4j} command line: {@code up}, {@code down}, {@code status}, {@code logs} and
 * {@code kubeconfig}, one class each, wired in {@link io.kube4j.launcher.Kube4j}. It plays the part
 * kubeadm and a kind/minikube CLI play for Kubernetes: certificates, then the control-plane
 * processes, then a kubeconfig for the user.
 *
 * <p>See https://kubernetes.io/docs/reference/setup-tools/kubeadm/ (what {@code kubeadm init} does).
 */
package io.kube4j.launcher;
