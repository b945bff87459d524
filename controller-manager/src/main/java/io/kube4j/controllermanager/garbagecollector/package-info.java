/**
 * The garbage collector ({@code garbage-collector-controller}, upstream
 * {@code pkg/controller/garbagecollector}): deletes objects whose owners are gone, and carries out the
 * two cascading deletions the apiserver only records as finalizers: {@code foregroundDeletion} (delete
 * the dependents first, then let the owner go) and {@code orphan} (cut the dependents loose, then let
 * the owner go). A {@link io.kube4j.controllermanager.garbagecollector.GraphBuilder} keeps a graph of
 * owners and dependents from watches on every deletable resource and queues the nodes worth a look;
 * the {@link io.kube4j.controllermanager.garbagecollector.GarbageCollector}'s workers check them
 * against the apiserver and act. See https://kubernetes.io/docs/concepts/architecture/garbage-collection/.
 */
package io.kube4j.controllermanager.garbagecollector;
