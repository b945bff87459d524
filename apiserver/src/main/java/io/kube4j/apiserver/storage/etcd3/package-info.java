/**
 * {@link io.kube4j.apiserver.storage.Storage} on etcd v3 through jetcd: creates are transactions on
 * "key absent" ({@code create_revision == 0}), updates and deletes are transactions on the caller's
 * mod revision. The only package that imports jetcd.
 *
 * <p>Mirrors {@code k8s.io/apiserver/pkg/storage/etcd3/store.go}. See https://etcd.io/docs/v3.4/learning/api/
 */
package io.kube4j.apiserver.storage.etcd3;
