/**
 * The namespace controller ({@code namespace-controller}): deleting a namespace only marks it
 * Terminating; this controller deletes everything in it (every namespaced resource the server
 * lists in discovery), reports progress in {@code status.conditions}, and once nothing is left
 * removes the {@code kubernetes} finalizer through {@code /finalize}, after which the apiserver
 * removes the namespace. Content whose own finalizers never finish keeps the namespace Terminating,
 * with a condition that says which finalizers.
 */
package io.kube4j.controllermanager.namespace;
