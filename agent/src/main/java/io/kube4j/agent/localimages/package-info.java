/**
 * The images kube4j runs without a public registry: a pause image (the sandbox's PID 1, built from
 * a small static C program as kubernetes' {@code build/pause}) and busybox (Debian's
 * busybox-static), written as byte-reproducible OCI image-layout tarballs by the scripts among this
 * package's resources, imported into containerd under the names pod specs use
 * (registry.k8s.io/pause:3.9, busybox, busybox:1.36) and served by a local registry that containerd
 * uses as its mirror. Not part of kubelet (kubelet's own {@code images} package, pulling and image
 * GC, is {@code io.kube4j.agent.images}).
 */
package io.kube4j.agent.localimages;
