/**
 * The watch cache: one etcd watch per resource keeps an in-memory copy of every object plus a window
 * of recent changes, and fans each change out to every client watch. Lists at
 * {@code resourceVersion=0}, consistent lists and all watches are served from here, so etcd sees one
 * watch per resource however many clients watch.
 *
 * <p>Mirrors {@code k8s.io/apiserver/pkg/storage/cacher/{cacher.go,watch_cache.go}}.
 * See https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
 */
package io.kube4j.apiserver.watch;
