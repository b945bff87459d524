package io.kube4j.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.kube4j.apiserver.api.FieldError;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ObjectMetaValidationTest {

  private static final Path METADATA = Path.root("metadata");

  record Case(String name, ObjectMeta meta, boolean namespaced, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> createCases() {
    return Stream.of(
        new Case("a valid namespaced object has no errors", meta("web", "default"), true, List.of()),
        new Case("a missing name is required", meta(null, "default"), true,
            List.of("metadata.name: Required value: name or generateName is required")),
        new Case("a missing namespace is required", meta("web", null), true,
            List.of("metadata.namespace: Required value")),
        new Case("a namespace on a cluster-scoped object is forbidden", meta("web", "default"), false,
            List.of("metadata.namespace: Forbidden: not allowed on this type")),
        new Case("a bad label key is reported at labels", new ObjectMetaBuilder(meta("web", "ns"))
            .withLabels(Map.of("bad key", "v")).build(), true,
            List.of("metadata.labels: Invalid value: \"bad key\": name part must consist of alphanumeric "
                + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. "
                + "'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")),
        new Case("an unqualified unknown finalizer is rejected for built-in types",
            new ObjectMetaBuilder(meta("web", "ns")).withFinalizers("custom").build(), true,
            List.of("metadata.finalizers[0]: Invalid value: \"custom\": name is neither a standard finalizer "
                + "name nor is it fully qualified")),
        new Case("an owner reference needs a uid", new ObjectMetaBuilder(meta("web", "ns"))
            .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet")
                .withName("rs").build()).build(), true,
            List.of("metadata.ownerReferences.uid: Invalid value: \"\": must not be empty")),
        new Case("a generateName is checked with a trailing dash allowed",
            new ObjectMetaBuilder().withGenerateName("Web-").withName("web-abcde").withNamespace("ns").build(),
            true, List.of("metadata.generateName: Invalid value: \"Web-\": a lowercase RFC 1123 subdomain must "
                + "consist of lower case alphanumeric characters, '-' or '.', and must start and end with an "
                + "alphanumeric character (e.g. 'example.com', regex used for validation is "
                + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCases")
  void validatesMetadataOnCreate(Case c) {
    List<FieldError> errs = ObjectMetaValidation.validateCoreObjectMeta(c.meta(), c.namespaced(),
        NameValidator.DNS_SUBDOMAIN, METADATA);
    assertThat(errs).extracting(FieldError::message).isEqualTo(c.expected());
  }

  @Test
  void annotationsLargerThan256KiBAreTooLong() {
    ObjectMeta m = new ObjectMetaBuilder(meta("web", "ns"))
        .withAnnotations(Map.of("a", "x".repeat(256 * 1024))).build();
    assertThat(ObjectMetaValidation.validateObjectMeta(m, true, NameValidator.DNS_SUBDOMAIN, METADATA))
        .extracting(FieldError::message)
        .containsExactly("metadata.annotations: Too long: must have at most 262144 bytes");
  }

  @Test
  void updateMayNotChangeNameUidOrNamespace() {
    ObjectMeta old = new ObjectMetaBuilder(meta("web", "ns")).withUid("u1").withResourceVersion("5").build();
    ObjectMeta changed = new ObjectMetaBuilder(old).withName("web2").withUid("u2").build();
    assertThat(ObjectMetaValidation.validateObjectMetaUpdate(changed, old, METADATA))
        .extracting(FieldError::message)
        .containsExactly("metadata.name: Invalid value: \"web2\": field is immutable",
            "metadata.uid: Invalid value: \"u2\": field is immutable");
  }

  @Test
  void updateWithoutResourceVersionIsRejected() {
    ObjectMeta old = new ObjectMetaBuilder(meta("web", "ns")).withResourceVersion("5").build();
    assertThat(ObjectMetaValidation.validateObjectMetaUpdate(meta("web", "ns"), old, METADATA))
        .extracting(FieldError::message)
        .containsExactly("metadata.resourceVersion: Invalid value: \"\": must be specified for an update");
  }

  @Test
  void managedFieldsNeedAKnownOperation() {
    ObjectMeta m = new ObjectMetaBuilder(meta("web", "ns")).addNewManagedField().withManager("kubectl")
        .withOperation("Patch").withFieldsType("FieldsV1").withFieldsV1(new FieldsV1()).endManagedField().build();
    assertThat(ObjectMetaValidation.validateObjectMeta(m, true, NameValidator.DNS_SUBDOMAIN, METADATA))
        .extracting(FieldError::message)
        .containsExactly("metadata.managedFields[0].operation: Invalid value: \"Patch\": must be `Apply` or `Update`");
  }

  private static ObjectMeta meta(String name, String namespace) {
    return new ObjectMetaBuilder().withName(name).withNamespace(namespace).build();
  }
}
