package io.kube4j.apiserver.authorization.rbac.bootstrappolicy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** The default cluster roles and bindings, read from the YAML beside this class. */
public final class BootstrapPolicy {

  /** Marks an object as a default the apiserver may update ({@code rbac.authorization.kubernetes.io/autoupdate}). */
  public static final String AUTOUPDATE = "rbac.authorization.kubernetes.io/autoupdate";
  private static final String BOOTSTRAPPING = "kubernetes.io/bootstrapping";

  private static final List<ClusterRole> CLUSTER_ROLES = load("cluster-roles.yaml", new TypeReference<>() {});

  private BootstrapPolicy() {}

  /** The prefix of every per-controller role; the rest of the name is the controller's service account. */
  public static final String CONTROLLER_ROLE_PREFIX = "system:controller:";

  /** Fresh copies, labelled and annotated as upstream's defaults are: the cluster roles, then the controllers'. */
  public static List<ClusterRole> clusterRoles() {
    List<ClusterRole> out = new ArrayList<>(load("cluster-roles.yaml", new TypeReference<List<ClusterRole>>() {}));
    out.addAll(controllerRoles());
    out.forEach(BootstrapPolicy::mark);
    return out;
  }

  /** The default bindings, then one per controller role to its service account in kube-system. */
  public static List<ClusterRoleBinding> clusterRoleBindings() {
    List<ClusterRoleBinding> out = new ArrayList<>(
        load("cluster-role-bindings.yaml", new TypeReference<List<ClusterRoleBinding>>() {}));
    for (ClusterRole role : controllerRoles()) {
      String name = role.getMetadata().getName();
      out.add(new ClusterRoleBindingBuilder().withNewMetadata().withName(name).endMetadata()
          .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", name)
          .addNewSubject().withKind("ServiceAccount").withNamespace("kube-system")
          .withName(name.substring(CONTROLLER_ROLE_PREFIX.length())).endSubject()
          .build());
    }
    out.forEach(BootstrapPolicy::mark);
    return out;
  }

  /** {@code system:controller:*} roles ({@code ControllerRoles()} upstream). */
  private static List<ClusterRole> controllerRoles() {
    return load("controller-roles.yaml", new TypeReference<List<ClusterRole>>() {});
  }

  /** What every node may do beyond its graph: the {@code system:node} role's rules ({@code NodeRules}). */
  public static List<PolicyRule> nodeRules() {
    return CLUSTER_ROLES.stream().filter(r -> r.getMetadata().getName().equals("system:node")).findFirst()
        .orElseThrow().getRules();
  }

  private static void mark(HasMetadata o) {
    var meta = o.getMetadata();
    var labels = meta.getLabels() == null ? new HashMap<String, String>() : new HashMap<>(meta.getLabels());
    labels.put(BOOTSTRAPPING, "rbac-defaults");
    meta.setLabels(labels);
    var annotations = meta.getAnnotations() == null ? new HashMap<String, String>() : new HashMap<>(meta.getAnnotations());
    annotations.put(AUTOUPDATE, "true");
    meta.setAnnotations(annotations);
    if (o instanceof ClusterRole r) {
      r.setApiVersion("rbac.authorization.k8s.io/v1");
      r.setKind("ClusterRole");
    } else if (o instanceof ClusterRoleBinding b) {
      b.setApiVersion("rbac.authorization.k8s.io/v1");
      b.setKind("ClusterRoleBinding");
    }
  }

  private static <T> List<T> load(String file, TypeReference<List<T>> type) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = BootstrapPolicy.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("missing default RBAC policy " + file);
      }
      return yaml.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read default RBAC policy " + file, e);
    }
  }
}
