/**
 * The arithmetic and bookkeeping of Deployments, apart from the controller that acts on them
 * (upstream {@code pkg/controller/deployment/util} and {@code controller.ComputeHash}): the
 * pod-template-hash, revision annotations, maxSurge/maxUnavailable, proportional scaling,
 * finding the new and old ReplicaSets, and the Progressing and Available conditions.
 */
package io.kube4j.controllermanager.deployment.util;
