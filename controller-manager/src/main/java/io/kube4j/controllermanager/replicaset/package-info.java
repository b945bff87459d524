/**
 * The ReplicaSet controller ({@code replicaset-controller}, upstream {@code pkg/controller/replicaset}):
 * keeps {@code spec.replicas} active pods matching a ReplicaSet's selector, adopting matching orphans
 * and releasing pods that stop matching; creates in slow-start batches and deletes the pods ranked
 * least valuable first; reports replicas, fully labeled, ready and available counts. The same code
 * serves ReplicationControllers through an adapter ({@code replication}). See
 * https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/.
 */
package io.kube4j.controllermanager.replicaset;
