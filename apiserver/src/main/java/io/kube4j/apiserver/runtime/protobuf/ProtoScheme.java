package io.kube4j.apiserver.runtime.protobuf;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.kubernetes.client.proto.IntStr;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Resource;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Admission;
import io.kubernetes.client.proto.V1Admissionregistration;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Autoscaling;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Certificates;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Policy;
import io.kubernetes.client.proto.V1Rbac;
import io.kubernetes.client.proto.V1Scheduling;
import io.kubernetes.client.proto.V1Storage;
import io.kubernetes.client.proto.V1alpha1Imagepolicy;
import io.kubernetes.client.proto.V1alpha1Rbac;
import io.kubernetes.client.proto.V1alpha1Scheduling;
import io.kubernetes.client.proto.V1beta1Admission;
import io.kubernetes.client.proto.V1beta1Admissionregistration;
import io.kubernetes.client.proto.V1beta1Apps;
import io.kubernetes.client.proto.V1beta1Authentication;
import io.kubernetes.client.proto.V1beta1Authorization;
import io.kubernetes.client.proto.V1beta1Batch;
import io.kubernetes.client.proto.V1beta1Certificates;
import io.kubernetes.client.proto.V1beta1Extensions;
import io.kubernetes.client.proto.V1beta1Policy;
import io.kubernetes.client.proto.V1beta1Rbac;
import io.kubernetes.client.proto.V1beta1Storage;
import io.kubernetes.client.proto.V1beta2Apps;
import io.kubernetes.client.proto.V2beta1Autoscaling;
import io.kubernetes.client.proto.V2beta2Autoscaling;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which protobuf message carries which kind: (apiVersion, kind) → message descriptor, the protobuf
 * side of {@code runtime.Scheme}. A kind is a top-level message of the proto package of its
 * group-version ({@code apps/v1} ↔ {@code k8s.io.api.apps.v1}, {@code v1} ↔ {@code k8s.io.api.core.v1}).
 *
 * <p>The descriptors come from client-java-proto's files (all but apiextensions v1beta1, whose
 * {@code JSON} wrapper types need their own JSON rules and whose version Kubernetes no longer
 * serves), rebuilt after {@link SchemaAdditions} brought them up to Kubernetes 1.32. Building
 * takes a few hundred milliseconds (mostly loading the jar's classes), so it happens once, on first
 * use, in a holder class: the JVM's class initialisation makes that lazy and thread-safe.
 */
final class ProtoScheme {

  /**
   * Kinds every group-version carries ({@code metav1.AddToGroupVersion}): client-go sends a DELETE
   * body as {@code apps/v1 DeleteOptions}, whose message lives in the meta package.
   */
  private static final Set<String> OPTION_KINDS =
      Set.of("DeleteOptions", "CreateOptions", "UpdateOptions", "PatchOptions");

  /** Proto package segment → API group, where the group is not just {@code <segment>.k8s.io}. */
  private static final Map<String, String> GROUP_OF_SEGMENT = Map.of(
      "core", "",
      "apps", "apps",
      "batch", "batch",
      "autoscaling", "autoscaling",
      "policy", "policy",
      "extensions", "extensions",
      "rbac", "rbac.authorization.k8s.io",
      "flowcontrol", "flowcontrol.apiserver.k8s.io",
      "apiserverinternal", "internal.apiserver.k8s.io");

  private static final String API_PACKAGE_PREFIX = "k8s.io.api.";
  private static final String META_PACKAGE = "k8s.io.apimachinery.pkg.apis.meta.v1";

  private static final class Holder {
    static final ProtoScheme INSTANCE = build();
  }

  /** apiVersion → kind → message; never written after construction. */
  private final Map<String, Map<String, Descriptor>> kinds;

  private ProtoScheme(Map<String, Map<String, Descriptor>> kinds) {
    this.kinds = kinds;
  }

  static ProtoScheme get() {
    return Holder.INSTANCE;
  }

  /** The message for {@code kind} in {@code apiVersion} ({@code v1}, {@code apps/v1}), if any. */
  Optional<Descriptor> messageFor(String apiVersion, String kind) {
    Map<String, Descriptor> ofVersion = kinds.get(apiVersion);
    if (ofVersion == null) {
      return Optional.empty();
    }
    Descriptor own = ofVersion.get(kind);
    if (own == null && OPTION_KINDS.contains(kind)) {
      own = kinds.get("meta.k8s.io/v1").get(kind);
    }
    return Optional.ofNullable(own);
  }

  /** Every apiVersion that has messages, sorted; for diagnostics and tests. */
  Set<String> apiVersions() {
    return new TreeMap<>(kinds).keySet();
  }

  private static ProtoScheme build() {
    Map<String, ProtoFile> files = new LinkedHashMap<>();
    Deque<FileDescriptor> pending = new ArrayDeque<>(jarFiles());
    while (!pending.isEmpty()) {
      FileDescriptor file = pending.pop();
      if (files.putIfAbsent(file.getName(), new ProtoFile(file.toProto().toBuilder())) == null) {
        pending.addAll(file.getDependencies());
      }
    }
    SchemaAdditions.apply(files);

    Map<String, FileDescriptor> built = new HashMap<>();
    for (String name : files.keySet()) {
      buildWithDependencies(name, files, built);
    }
    Map<String, Map<String, Descriptor>> kinds = new HashMap<>();
    for (FileDescriptor file : built.values()) {
      apiVersionOf(file.getPackage()).ifPresent(apiVersion -> {
        Map<String, Descriptor> ofVersion = kinds.computeIfAbsent(apiVersion, v -> new HashMap<>());
        for (Descriptor message : file.getMessageTypes()) {
          ofVersion.put(message.getName(), message);
        }
      });
    }
    kinds.replaceAll((apiVersion, ofVersion) -> Map.copyOf(ofVersion));
    return new ProtoScheme(Map.copyOf(kinds));
  }

  /** protobuf-java links a file to its imports when built, so imports are built first. */
  private static FileDescriptor buildWithDependencies(
      String name, Map<String, ProtoFile> files, Map<String, FileDescriptor> built) {
    FileDescriptor done = built.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = files.get(name).proto().build();
    FileDescriptor[] dependencies = proto.getDependencyList().stream()
        .map(dependency -> buildWithDependencies(dependency, files, built))
        .toArray(FileDescriptor[]::new);
    try {
      FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies);
      built.put(name, file);
      return file;
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("cannot build protobuf descriptors for " + name, e);
    }
  }

  /** {@code k8s.io.api.rbac.v1} → {@code rbac.authorization.k8s.io/v1}; none for helper packages. */
  static Optional<String> apiVersionOf(String protoPackage) {
    if (protoPackage.equals(META_PACKAGE)) {
      return Optional.of("meta.k8s.io/v1");
    }
    if (!protoPackage.startsWith(API_PACKAGE_PREFIX)) {
      return Optional.empty();
    }
    String[] segmentAndVersion = protoPackage.substring(API_PACKAGE_PREFIX.length()).split("\\.");
    String segment = segmentAndVersion[0];
    String version = segmentAndVersion[1];
    String group = GROUP_OF_SEGMENT.getOrDefault(segment, segment + ".k8s.io");
    return Optional.of(group.isEmpty() ? version : group + "/" + version);
  }

  private static List<FileDescriptor> jarFiles() {
    return List.of(
        IntStr.getDescriptor(), Meta.getDescriptor(), Resource.getDescriptor(), Runtime.getDescriptor(),
        V1.getDescriptor(), V1Admission.getDescriptor(), V1Admissionregistration.getDescriptor(),
        V1Apps.getDescriptor(), V1Authentication.getDescriptor(), V1Authorization.getDescriptor(),
        V1Autoscaling.getDescriptor(), V1Batch.getDescriptor(), V1Certificates.getDescriptor(),
        V1Networking.getDescriptor(), V1Policy.getDescriptor(), V1Rbac.getDescriptor(),
        V1Scheduling.getDescriptor(), V1Storage.getDescriptor(),
        V1alpha1Imagepolicy.getDescriptor(), V1alpha1Rbac.getDescriptor(),
        V1alpha1Scheduling.getDescriptor(), V1beta1Admission.getDescriptor(),
        V1beta1Admissionregistration.getDescriptor(), V1beta1Apps.getDescriptor(),
        V1beta1Authentication.getDescriptor(), V1beta1Authorization.getDescriptor(),
        V1beta1Batch.getDescriptor(), V1beta1Certificates.getDescriptor(),
        V1beta1Extensions.getDescriptor(), V1beta1Policy.getDescriptor(), V1beta1Rbac.getDescriptor(),
        V1beta1Storage.getDescriptor(), V1beta2Apps.getDescriptor(),
        V2beta1Autoscaling.getDescriptor(), V2beta2Autoscaling.getDescriptor());
  }
}
