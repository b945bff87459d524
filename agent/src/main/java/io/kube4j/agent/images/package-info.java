/**
 * Images on the node: making sure a container's image is there before it is created, by its
 * {@code imagePullPolicy}, with credentials from the pod's {@code imagePullSecrets}, and backing
 * off after failed pulls (ErrImagePull, then ImagePullBackOff). Mirrors kubelet's
 * {@code pkg/kubelet/images/image_manager.go} and {@code pkg/credentialprovider} (the keyring);
 * see https://kubernetes.io/docs/concepts/containers/images/.
 */
package io.kube4j.agent.images;
