/**
 * The replication controller manager ({@code replicationcontroller-controller}, upstream
 * {@code pkg/controller/replication}): ReplicationControllers are reconciled by the ReplicaSet
 * controller's code, each converted to a ReplicaSet on the way in and its status written back on
 * the way out. See https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/.
 */
package io.kube4j.controllermanager.replication;
