package io.kube4j.apiserver.runtime.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProtoSchemeTest {

  record Kind(String apiVersion, String kind, String message) {
    @Override
    public String toString() {
      return apiVersion + " " + kind;
    }
  }

  /** What kubectl 1.32's typed commands and client-go components send as protobuf. */
  static Stream<Kind> typedClientKinds() {
    return Stream.of(
        new Kind("v1", "ConfigMap", "k8s.io.api.core.v1.ConfigMap"),
        new Kind("v1", "Secret", "k8s.io.api.core.v1.Secret"),
        new Kind("v1", "Namespace", "k8s.io.api.core.v1.Namespace"),
        new Kind("v1", "ServiceAccount", "k8s.io.api.core.v1.ServiceAccount"),
        new Kind("v1", "Service", "k8s.io.api.core.v1.Service"),
        new Kind("v1", "ResourceQuota", "k8s.io.api.core.v1.ResourceQuota"),
        new Kind("v1", "Pod", "k8s.io.api.core.v1.Pod"),
        new Kind("v1", "Binding", "k8s.io.api.core.v1.Binding"),
        new Kind("v1", "Node", "k8s.io.api.core.v1.Node"),
        new Kind("v1", "Event", "k8s.io.api.core.v1.Event"),
        new Kind("v1", "Endpoints", "k8s.io.api.core.v1.Endpoints"),
        new Kind("apps/v1", "Deployment", "k8s.io.api.apps.v1.Deployment"),
        new Kind("batch/v1", "Job", "k8s.io.api.batch.v1.Job"),
        new Kind("batch/v1", "CronJob", "k8s.io.api.batch.v1.CronJob"),
        new Kind("rbac.authorization.k8s.io/v1", "Role", "k8s.io.api.rbac.v1.Role"),
        new Kind("rbac.authorization.k8s.io/v1", "RoleBinding", "k8s.io.api.rbac.v1.RoleBinding"),
        new Kind("rbac.authorization.k8s.io/v1", "ClusterRole", "k8s.io.api.rbac.v1.ClusterRole"),
        new Kind("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "k8s.io.api.rbac.v1.ClusterRoleBinding"),
        new Kind("policy/v1", "PodDisruptionBudget", "k8s.io.api.policy.v1.PodDisruptionBudget"),
        new Kind("policy/v1", "Eviction", "k8s.io.api.policy.v1.Eviction"),
        new Kind("scheduling.k8s.io/v1", "PriorityClass", "k8s.io.api.scheduling.v1.PriorityClass"),
        new Kind("autoscaling/v1", "HorizontalPodAutoscaler", "k8s.io.api.autoscaling.v1.HorizontalPodAutoscaler"),
        new Kind("autoscaling/v1", "Scale", "k8s.io.api.autoscaling.v1.Scale"),
        new Kind("autoscaling/v2", "HorizontalPodAutoscaler", "k8s.io.api.autoscaling.v2.HorizontalPodAutoscaler"),
        new Kind("authorization.k8s.io/v1", "SelfSubjectAccessReview",
            "k8s.io.api.authorization.v1.SelfSubjectAccessReview"),
        new Kind("authorization.k8s.io/v1", "SelfSubjectRulesReview",
            "k8s.io.api.authorization.v1.SelfSubjectRulesReview"),
        new Kind("authentication.k8s.io/v1", "SelfSubjectReview",
            "k8s.io.api.authentication.v1.SelfSubjectReview"),
        new Kind("authentication.k8s.io/v1", "TokenRequest", "k8s.io.api.authentication.v1.TokenRequest"),
        new Kind("certificates.k8s.io/v1", "CertificateSigningRequest",
            "k8s.io.api.certificates.v1.CertificateSigningRequest"),
        new Kind("coordination.k8s.io/v1", "Lease", "k8s.io.api.coordination.v1.Lease"),
        new Kind("events.k8s.io/v1", "Event", "k8s.io.api.events.v1.Event"),
        new Kind("discovery.k8s.io/v1", "EndpointSlice", "k8s.io.api.discovery.v1.EndpointSlice"),
        new Kind("node.k8s.io/v1", "RuntimeClass", "k8s.io.api.node.v1.RuntimeClass"),
        new Kind("networking.k8s.io/v1", "Ingress", "k8s.io.api.networking.v1.Ingress"),
        new Kind("storage.k8s.io/v1", "StorageClass", "k8s.io.api.storage.v1.StorageClass"),
        new Kind("apps/v1", "DeleteOptions", "k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
        new Kind("meta.k8s.io/v1", "DeleteOptions", "k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typedClientKinds")
  void findsTheMessageOfEachTypedClientKind(Kind k) {
    assertThat(ProtoScheme.get().messageFor(k.apiVersion(), k.kind()))
        .map(Descriptor::getFullName)
        .hasValue(k.message());
  }

  @Test
  void knowsNoKindOutsideItsGroupVersions() {
    assertThat(ProtoScheme.get().messageFor("apps.example.com/v1", "Deployment")).isEmpty();
    assertThat(ProtoScheme.get().messageFor("v1", "Deployment")).isEmpty();
    assertThat(ProtoScheme.get().messageFor("example.com/v1", "DeleteOptions")).isEmpty();
    assertThat(ProtoScheme.get().apiVersions()).noneMatch(v -> v.startsWith("apiextensions"));
  }

  @Test
  void mapsProtoPackagesToApiVersions() {
    assertThat(ProtoScheme.apiVersionOf("k8s.io.api.core.v1")).hasValue("v1");
    assertThat(ProtoScheme.apiVersionOf("k8s.io.api.apps.v1")).hasValue("apps/v1");
    assertThat(ProtoScheme.apiVersionOf("k8s.io.api.rbac.v1")).hasValue("rbac.authorization.k8s.io/v1");
    assertThat(ProtoScheme.apiVersionOf("k8s.io.api.storage.v1beta1")).hasValue("storage.k8s.io/v1beta1");
    assertThat(ProtoScheme.apiVersionOf("k8s.io.apimachinery.pkg.util.intstr")).isEmpty();
  }

  @Test
  void addsTheFieldsKubernetes132HasAndTheJarLacks() {
    Descriptor podSpec = ProtoScheme.get().messageFor("v1", "Pod").orElseThrow()
        .findFieldByName("spec").getMessageType();

    assertThat(podSpec.findFieldByNumber(40).getName()).isEqualTo("resources");
    assertThat(podSpec.findFieldByNumber(40).getMessageType().getFullName())
        .isEqualTo("k8s.io.api.core.v1.ResourceRequirements");
    assertThat(podSpec.findFieldByName("containers").getMessageType().findFieldByName("resources")
        .getMessageType()).isSameAs(podSpec.findFieldByNumber(40).getMessageType());
  }
}
