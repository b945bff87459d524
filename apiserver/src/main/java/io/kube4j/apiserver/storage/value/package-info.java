/**
 * Encryption at rest: values of chosen resources (secrets) are encrypted before they reach etcd and
 * decrypted when read, by the providers of {@code --encryption-provider-config} (aescbc, aesgcm,
 * secretbox, identity). A stored value names its provider and key in a prefix,
 * {@code k8s:enc:aescbc:v1:key1:}, so keys can be rotated by rewriting.
 *
 * <p>Mirrors {@code k8s.io/apiserver/pkg/storage/value}. See
 * https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/
 */
package io.kube4j.apiserver.storage.value;
