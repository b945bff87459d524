package io.kube4j.apiserver.openapi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names component schemas as upstream does (the Go package path, reversed domain first, then the type
 * name: {@code io.k8s.api.core.v1.Pod}) from the Fabric8 model class, and finds the model class of a
 * group/version/kind for subresources whose type lives in another group ({@code autoscaling/v1 Scale}).
 *
 * <p>Fabric8 keeps the {@code meta/v1} types (ObjectMeta, Status, ...) in its core package next to
 * {@code core/v1}, so those are listed by class name.
 */
final class SchemaNames {

  static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1";
  static final String TIME = META + ".Time";
  static final String MICRO_TIME = META + ".MicroTime";
  static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
  static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
  static final String RAW_EXTENSION = "io.k8s.apimachinery.pkg.runtime.RawExtension";
  static final String FIELDS_V1 = META + ".FieldsV1";
  static final String PATCH = META + ".Patch";
  static final String STATUS = META + ".Status";
  static final String DELETE_OPTIONS = META + ".DeleteOptions";
  static final String WATCH_EVENT = META + ".WatchEvent";
  static final String API_RESOURCE_LIST = META + ".APIResourceList";

  private static final String FABRIC8 = "io.fabric8.kubernetes.api.model";

  /** One Fabric8 model package and the upstream API package (and group/version) it mirrors. */
  record Row(String fabric8Package, String upstreamPackage, String group, String version) {}

  static final List<Row> PACKAGES = List.of(
      new Row(FABRIC8, "io.k8s.api.core.v1", "", "v1"),
      new Row(FABRIC8 + ".apps", "io.k8s.api.apps.v1", "apps", "v1"),
      new Row(FABRIC8 + ".batch.v1", "io.k8s.api.batch.v1", "batch", "v1"),
      new Row(FABRIC8 + ".autoscaling.v1", "io.k8s.api.autoscaling.v1", "autoscaling", "v1"),
      new Row(FABRIC8 + ".autoscaling.v2", "io.k8s.api.autoscaling.v2", "autoscaling", "v2"),
      new Row(FABRIC8 + ".coordination.v1", "io.k8s.api.coordination.v1", "coordination.k8s.io", "v1"),
      new Row(FABRIC8 + ".discovery.v1", "io.k8s.api.discovery.v1", "discovery.k8s.io", "v1"),
      new Row(FABRIC8 + ".events.v1", "io.k8s.api.events.v1", "events.k8s.io", "v1"),
      new Row(FABRIC8 + ".policy.v1", "io.k8s.api.policy.v1", "policy", "v1"),
      new Row(FABRIC8 + ".scheduling.v1", "io.k8s.api.scheduling.v1", "scheduling.k8s.io", "v1"),
      new Row(FABRIC8 + ".rbac", "io.k8s.api.rbac.v1", "rbac.authorization.k8s.io", "v1"),
      new Row(FABRIC8 + ".authentication", "io.k8s.api.authentication.v1", "authentication.k8s.io", "v1"),
      new Row(FABRIC8 + ".authorization.v1", "io.k8s.api.authorization.v1", "authorization.k8s.io", "v1"),
      new Row(FABRIC8 + ".certificates.v1", "io.k8s.api.certificates.v1", "certificates.k8s.io", "v1"),
      new Row(FABRIC8 + ".networking.v1", "io.k8s.api.networking.v1", "networking.k8s.io", "v1"),
      new Row(FABRIC8 + ".storage", "io.k8s.api.storage.v1", "storage.k8s.io", "v1"),
      new Row(FABRIC8 + ".node.v1", "io.k8s.api.node.v1", "node.k8s.io", "v1"),
      new Row(FABRIC8 + ".flowcontrol.v1", "io.k8s.api.flowcontrol.v1", "flowcontrol.apiserver.k8s.io", "v1"),
      new Row(FABRIC8 + ".admissionregistration.v1", "io.k8s.api.admissionregistration.v1",
          "admissionregistration.k8s.io", "v1"),
      new Row(FABRIC8 + ".apiextensions.v1", "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1",
          "apiextensions.k8s.io", "v1"),
      new Row(FABRIC8 + ".metrics.v1beta1", "io.k8s.metrics.pkg.apis.metrics.v1beta1", "metrics.k8s.io",
          "v1beta1"));

  /** Classes of Fabric8's core package that are {@code k8s.io/apimachinery/pkg/apis/meta/v1} types. */
  private static final Set<String> META_CLASSES = Set.of(
      "APIGroup", "APIGroupList", "APIResource", "APIResourceList", "APIVersions", "Condition",
      "CreateOptions", "DeleteOptions", "FieldSelectorRequirement", "FieldsV1", "GetOptions",
      "GroupVersionForDiscovery", "LabelSelector", "LabelSelectorRequirement", "ListMeta",
      "ListOptions", "ManagedFieldsEntry", "MicroTime", "ObjectMeta", "OwnerReference", "Patch",
      "PatchOptions", "Preconditions", "RootPaths", "ServerAddressByClientCIDR", "Status",
      "StatusCause", "StatusDetails", "UpdateOptions", "WatchEvent");

  /** Single classes living elsewhere upstream. */
  private static final Map<String, String> SPECIAL = Map.of(
      FABRIC8 + ".Quantity", QUANTITY,
      FABRIC8 + ".IntOrString", INT_OR_STRING,
      FABRIC8 + ".runtime.RawExtension", RAW_EXTENSION,
      FABRIC8 + ".version.Info", "io.k8s.apimachinery.pkg.version.Info",
      FABRIC8 + ".APIService", "io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIService");

  private SchemaNames() {}

  /** The upstream schema name of a Fabric8 model class; unknown packages keep their Java name. */
  static String of(Class<?> type) {
    String special = SPECIAL.get(type.getName());
    if (special != null) {
      return special;
    }
    String simple = type.getSimpleName();
    if (type.getPackageName().equals(FABRIC8) && META_CLASSES.contains(simple)) {
      return META + "." + simple;
    }
    return PACKAGES.stream()
        .filter(row -> row.fabric8Package().equals(type.getPackageName()))
        .findFirst()
        .map(row -> row.upstreamPackage() + "." + simple)
        .orElse(type.getName());
  }

  /** The upstream schema name of a kind known only by group/version/kind. */
  static String of(String group, String version, String kind) {
    return row(group, version)
        .map(row -> row.upstreamPackage() + "." + kind)
        .orElse("io.k8s.api." + (group.isEmpty() ? "core" : group.split("\\.")[0]) + "." + version
            + "." + kind);
  }

  /** The Fabric8 model class of a kind, when its module is on the class path. */
  static Optional<Class<?>> modelClass(String group, String version, String kind) {
    return row(group, version).flatMap(row -> {
      try {
        return Optional.of(Class.forName(row.fabric8Package() + "." + kind, false,
            SchemaNames.class.getClassLoader()));
      } catch (ClassNotFoundException e) {
        return Optional.empty();
      }
    });
  }

  private static Optional<Row> row(String group, String version) {
    return PACKAGES.stream()
        .filter(row -> row.group().equals(group) && row.version().equals(version))
        .findFirst();
  }
}
