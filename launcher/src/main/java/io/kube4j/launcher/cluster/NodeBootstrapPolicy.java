package io.kube4j.launcher.cluster;

import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code kubeadm init} sets up so nodes can join with a bootstrap token (its
 * {@code bootstrap-token} phase): holders of bootstrap tokens may ask for certificates, their node
 * client certificate requests are approved automatically, and nodes may renew their own.
 */
public final class NodeBootstrapPolicy {

  static final String BOOTSTRAPPERS = "system:bootstrappers";
  static final String NODES = "system:nodes";

  private NodeBootstrapPolicy() {}

  /** The three bindings, as kubeadm names them but for the group of every bootstrap token. */
  public static List<ClusterRoleBinding> bindings() {
    return List.of(
        binding("kubeadm:kubelet-bootstrap", "system:node-bootstrapper", BOOTSTRAPPERS),
        binding("kubeadm:node-autoapprove-bootstrap",
            "system:certificates.k8s.io:certificatesigningrequests:nodeclient", BOOTSTRAPPERS),
        binding("kubeadm:node-autoapprove-certificate-rotation",
            "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient", NODES));
  }

  /** Creates the bindings that do not exist yet; returns the names it created. */
  public static List<String> ensure(KubernetesClient client) {
    List<String> created = new ArrayList<>();
    for (ClusterRoleBinding b : bindings()) {
      try {
        client.rbac().clusterRoleBindings().resource(b).create();
        created.add(b.getMetadata().getName());
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
    }
    return created;
  }

  private static ClusterRoleBinding binding(String name, String role, String group) {
    return new ClusterRoleBindingBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", role)
        .addNewSubject().withApiGroup("rbac.authorization.k8s.io").withKind("Group").withName(group).endSubject()
        .build();
  }
}
