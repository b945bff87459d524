/**
 * The storage layer: a versioned key-value store seen as the registry needs it. Every object lives
 * under {@code /registry/<resource>/[<namespace>/]<name>} as JSON; its {@code resourceVersion} is the
 * etcd revision of its last write, so updates are compare-and-swap on that revision.
 *
 * <p>Mirrors {@code k8s.io/apiserver/pkg/storage/interfaces.go}; the etcd implementation is in
 * {@code storage.etcd3}. See https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions
 */
package io.kube4j.apiserver.storage;
