/**
 * The Deployment controller ({@code deployment-controller}, upstream {@code pkg/controller/deployment}):
 * rolls a Deployment's pods from one template to the next through ReplicaSets, one per template
 * (named by the pod-template-hash), with the RollingUpdate or Recreate strategy; scales them
 * proportionally when the Deployment is scaled mid-rollout; keeps {@code revisionHistoryLimit} old
 * ReplicaSets for rollbacks; reports Progressing and Available. See
 * https://kubernetes.io/docs/concepts/workloads/controllers/deployment/.
 */
package io.kube4j.controllermanager.deployment;
