/**
 * What every kube4j component shares beyond the API, as Kubernetes' {@code k8s.io/component-base}:
 * flag types that read the way kube-apiserver's, kube-scheduler's and kube-controller-manager's do,
 * and API clients built from kubeconfig files.
 */
package io.kube4j.componentbase;
