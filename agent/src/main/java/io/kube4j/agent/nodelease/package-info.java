/**
 * The node's heartbeat: a Lease named after the node in {@code kube-node-lease}, renewed every
 * quarter of its duration (10 s of 40 s), owned by the Node so it goes when the Node goes.
 * Mirrors k8s.io/component-helpers/apimachinery/lease/controller.go as the kubelet uses it.
 * See kubernetes.io/docs/concepts/architecture/leases/#node-heart-beats.
 */
package io.kube4j.agent.nodelease;
