/**
 * The images kube4j runs without a registry: a pause image (the sandbox's PID 1, built from a
 * small static C program as kubernetes' {@code build/pause}) and busybox (Debian's busybox-static),
 * written as byte-reproducible OCI image-layout tarballs by the scripts beside this package's
 * resources and imported into containerd under the names pod specs use (registry.k8s.io/pause:3.9,
 * busybox, busybox:1.36). See https://kubernetes.io/docs/concepts/containers/images/.
 */
package io.kube4j.agent.images;
