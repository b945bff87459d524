/**
 * An in-process fake CRI runtime (RuntimeService and ImageService) for unit tests of the CRI
 * client and of everything built on it, after {@code k8s.io/cri-api/pkg/apis/testing}.
 */
package io.kube4j.agent.cri.testing;
