package io.kube4j.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.kube4j.apiserver.openapi.PatchMetaSource.PatchMeta;
import io.kube4j.apiserver.registry.ApiResource;
import io.kube4j.apiserver.registry.ApiResource.Subresource;
import io.kube4j.apiserver.registry.ApiResource.Verb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OpenApiV3Test {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the patch package will answer for the few fields these tests look at. */
  private static final PatchMetaSource PATCH_META = (owner, field) -> {
    if (owner == PodSpec.class && field.equals("containers")) {
      return Optional.of(new PatchMeta("merge", "name"));
    }
    if (owner == Container.class && field.equals("env")) {
      return Optional.of(new PatchMeta("merge", "name"));
    }
    if (owner == ObjectMeta.class && field.equals("finalizers")) {
      return Optional.of(new PatchMeta("merge", null));
    }
    return Optional.empty();
  };

  private static final OpenApiV3 OPENAPI = new OpenApiV3(TestResources.ALL, PATCH_META, JSON);
  private static final JsonNode CORE = document("api/v1");
  private static final JsonNode APPS = document("apis/apps/v1");

  @Test
  void indexListsEveryGroupVersionWithTheSha512OfItsDocument() throws Exception {
    JsonNode paths = JSON.readTree(OPENAPI.index()).get("paths");

    assertThat(fieldNames(paths)).containsExactly("api/v1", "apis/apps/v1");
    for (String gv : List.of("api/v1", "apis/apps/v1")) {
      OpenApiV3.Document doc = OPENAPI.document(gv).orElseThrow();
      String sha512 = HexFormat.of().withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-512").digest(doc.json()));
      assertThat(doc.hash()).isEqualTo(sha512);
      assertThat(paths.at("/" + gv.replace("/", "~1") + "/serverRelativeURL").asText())
          .isEqualTo("/openapi/v3/" + gv + "?hash=" + sha512);
    }
  }

  @Test
  void answersNothingForAGroupVersionThatIsNotServed() {
    assertThat(OPENAPI.document("apis/batch/v1")).isEmpty();
    assertThat(OPENAPI.document("/api/v1")).isPresent();
  }

  @Test
  void generatesTheSameBytesEveryTime() {
    OpenApiV3 again = new OpenApiV3(TestResources.ALL, PATCH_META, JSON);

    assertThat(again.document("api/v1").orElseThrow().hash())
        .isEqualTo(OPENAPI.document("api/v1").orElseThrow().hash());
  }

  @Test
  void podPatchOperationOffersFieldValidationStrategicMergeAndItsKind() {
    JsonNode patch = CORE.get("paths").get("/api/v1/namespaces/{namespace}/pods/{name}").get("patch");

    assertThat(patch.get("operationId").asText()).isEqualTo("patchCoreV1NamespacedPod");
    assertThat(patch.get("x-kubernetes-action").asText()).isEqualTo("patch");
    assertThat(patch.get("x-kubernetes-group-version-kind"))
        .isEqualTo(JSON.valueToTree(Map.of("group", "", "version", "v1", "kind", "Pod")));
    assertThat(queryParameters(patch)).contains("fieldValidation", "dryRun", "fieldManager", "force");
    assertThat(fieldNames(patch.at("/requestBody/content"))).containsExactlyInAnyOrder(
        "application/json-patch+json", "application/merge-patch+json",
        "application/strategic-merge-patch+json", "application/apply-patch+yaml");
    assertThat(patch.at("/requestBody/content/application~1strategic-merge-patch+json/schema/$ref")
        .asText()).isEqualTo("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Patch");
    assertThat(patch.at("/responses/200/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/io.k8s.api.core.v1.Pod");
  }

  @Test
  void everyPatchOperationListsFieldValidationAsAQueryParameter() {
    List<String> patchOps = new ArrayList<>();
    for (JsonNode doc : List.of(CORE, APPS)) {
      for (JsonNode item : iterable(doc.get("paths").elements())) {
        if (!item.has("patch")) continue;
        patchOps.add(item.get("patch").get("operationId").asText());
        assertThat(queryParameters(item.get("patch"))).as(item.get("patch").get("operationId").asText())
            .contains("fieldValidation");
      }
    }
    assertThat(patchOps).contains("patchCoreV1NamespacedPodStatus", "patchCoreV1Namespace",
        "patchAppsV1NamespacedDeploymentScale");
  }

  record OperationCase(String name, JsonNode doc, String path, String method, String operationId,
      String action, String kind) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<OperationCase> operations() {
    return Stream.of(
        new OperationCase("list pods", CORE, "/api/v1/namespaces/{namespace}/pods", "get",
            "listCoreV1NamespacedPod", "list", "Pod"),
        new OperationCase("create pod", CORE, "/api/v1/namespaces/{namespace}/pods", "post",
            "createCoreV1NamespacedPod", "post", "Pod"),
        new OperationCase("delete collection", CORE, "/api/v1/namespaces/{namespace}/configmaps",
            "delete", "deleteCoreV1CollectionNamespacedConfigMap", "deletecollection", "ConfigMap"),
        new OperationCase("pods in all namespaces", CORE, "/api/v1/pods", "get",
            "listCoreV1PodForAllNamespaces", "list", "Pod"),
        new OperationCase("watch pods", CORE, "/api/v1/watch/namespaces/{namespace}/pods", "get",
            "watchCoreV1NamespacedPodList", "watchlist", "Pod"),
        new OperationCase("watch one pod", CORE, "/api/v1/watch/namespaces/{namespace}/pods/{name}",
            "get", "watchCoreV1NamespacedPod", "watch", "Pod"),
        new OperationCase("watch pods everywhere", CORE, "/api/v1/watch/pods", "get",
            "watchCoreV1PodListForAllNamespaces", "watchlist", "Pod"),
        new OperationCase("pod status", CORE, "/api/v1/namespaces/{namespace}/pods/{name}/status",
            "put", "replaceCoreV1NamespacedPodStatus", "put", "Pod"),
        new OperationCase("binding", CORE, "/api/v1/namespaces/{namespace}/pods/{name}/binding",
            "post", "createCoreV1NamespacedPodBinding", "post", "Binding"),
        new OperationCase("eviction", CORE, "/api/v1/namespaces/{namespace}/pods/{name}/eviction",
            "post", "createCoreV1NamespacedPodEviction", "post", "Eviction"),
        new OperationCase("log", CORE, "/api/v1/namespaces/{namespace}/pods/{name}/log", "get",
            "readCoreV1NamespacedPodLog", "get", "Pod"),
        new OperationCase("exec", CORE, "/api/v1/namespaces/{namespace}/pods/{name}/exec", "post",
            "connectCoreV1PostNamespacedPodExec", "connect", "PodExecOptions"),
        new OperationCase("cluster-scoped read", CORE, "/api/v1/namespaces/{name}", "get",
            "readCoreV1Namespace", "get", "Namespace"),
        new OperationCase("finalize", CORE, "/api/v1/namespaces/{name}/finalize", "put",
            "replaceCoreV1NamespaceFinalize", "put", "Namespace"),
        new OperationCase("patch deployment", APPS,
            "/apis/apps/v1/namespaces/{namespace}/deployments/{name}", "patch",
            "patchAppsV1NamespacedDeployment", "patch", "Deployment"),
        new OperationCase("scale", APPS,
            "/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale", "patch",
            "patchAppsV1NamespacedDeploymentScale", "patch", "Scale"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void operationsAreNamedAsUpstreamNamesThem(OperationCase c) {
    JsonNode operation = c.doc().get("paths").get(c.path()).get(c.method());

    assertThat(operation.get("operationId").asText()).isEqualTo(c.operationId());
    assertThat(operation.get("x-kubernetes-action").asText()).isEqualTo(c.action());
    assertThat(operation.at("/x-kubernetes-group-version-kind/kind").asText()).isEqualTo(c.kind());
  }

  @Test
  void namespacesHaveNoDeleteCollectionBecauseTheResourceDoesNotServeIt() {
    assertThat(fieldNames(CORE.get("paths").get("/api/v1/namespaces")))
        .containsExactlyInAnyOrder("get", "post", "parameters");
  }

  @Test
  void deletingAPodAnswersThePodButDeletingAConfigMapAnswersAStatus() {
    assertThat(CORE.at("/paths/~1api~1v1~1namespaces~1{namespace}~1pods~1{name}/delete/responses/200"
        + "/content/application~1json/schema/$ref").asText()).endsWith("core.v1.Pod");
    assertThat(CORE.at("/paths/~1api~1v1~1namespaces~1{namespace}~1configmaps~1{name}/delete"
        + "/responses/200/content/application~1json/schema/$ref").asText()).endsWith("meta.v1.Status");
  }

  @Test
  void podSpecContainersCarryTheMergeKeyThePatchMetaSourceGives() {
    JsonNode containers = schema(CORE, "io.k8s.api.core.v1.PodSpec").at("/properties/containers");

    assertThat(containers.get("x-kubernetes-patch-merge-key").asText()).isEqualTo("name");
    assertThat(containers.get("x-kubernetes-patch-strategy").asText()).isEqualTo("merge");
    assertThat(containers.get("type").asText()).isEqualTo("array");
    assertThat(containers.at("/items/allOf/0/$ref").asText())
        .isEqualTo("#/components/schemas/io.k8s.api.core.v1.Container");
    JsonNode finalizers = schema(CORE, SchemaNames.META + ".ObjectMeta").at("/properties/finalizers");
    assertThat(finalizers.get("x-kubernetes-patch-strategy").asText()).isEqualTo("merge");
    assertThat(finalizers.has("x-kubernetes-patch-merge-key")).isFalse();
    assertThat(schema(CORE, "io.k8s.api.core.v1.PodSpec").at("/properties/volumes")
        .has("x-kubernetes-patch-strategy")).isFalse();
  }

  record FieldCase(String name, String schema, String field, String expectedJson) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<FieldCase> fields() {
    String meta = SchemaNames.META;
    return Stream.of(
        new FieldCase("IntOrString is a named schema", "io.k8s.api.core.v1.HTTPGetAction", "port",
            "{\"allOf\":[{\"$ref\":\"#/components/schemas/" + SchemaNames.INT_OR_STRING + "\"}]}"),
        new FieldCase("Quantity map values", "io.k8s.api.core.v1.ResourceRequirements", "limits",
            "{\"type\":\"object\",\"additionalProperties\":{\"allOf\":[{\"$ref\":"
                + "\"#/components/schemas/" + SchemaNames.QUANTITY + "\"}]}}"),
        new FieldCase("Time from a Fabric8 string", meta + ".ObjectMeta", "creationTimestamp",
            "{\"allOf\":[{\"$ref\":\"#/components/schemas/" + SchemaNames.TIME + "\"}]}"),
        new FieldCase("Time in a condition", "io.k8s.api.apps.v1.DeploymentCondition",
            "lastUpdateTime",
            "{\"allOf\":[{\"$ref\":\"#/components/schemas/" + SchemaNames.TIME + "\"}]}"),
        new FieldCase("Long is int64", meta + ".ObjectMeta", "generation",
            "{\"type\":\"integer\",\"format\":\"int64\"}"),
        new FieldCase("Integer is int32", "io.k8s.api.apps.v1.DeploymentSpec", "replicas",
            "{\"type\":\"integer\",\"format\":\"int32\"}"),
        new FieldCase("Boolean", "io.k8s.api.core.v1.ConfigMap", "immutable",
            "{\"type\":\"boolean\"}"),
        new FieldCase("map of strings", meta + ".ObjectMeta", "labels",
            "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}"),
        new FieldCase("base64 bytes", "io.k8s.api.core.v1.ConfigMap", "binaryData",
            "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\",\"format\":\"byte\"}}"),
        new FieldCase("free-form object", meta + ".WatchEvent", "object",
            "{\"allOf\":[{\"$ref\":\"#/components/schemas/" + SchemaNames.RAW_EXTENSION + "\"}]}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void fieldTypesRenderAsUpstreamRendersThem(FieldCase c) throws IOException {
    JsonNode doc = c.schema().startsWith("io.k8s.api.apps.") ? APPS : CORE;
    assertThat(schema(doc, c.schema()).get("properties").get(c.field()))
        .isEqualTo(JSON.readTree(c.expectedJson()));
  }

  @Test
  void namedScalarSchemasHaveUpstreamsShape() throws IOException {
    assertThat(schema(CORE, SchemaNames.TIME))
        .isEqualTo(JSON.readTree("{\"type\":\"string\",\"format\":\"date-time\"}"));
    assertThat(schema(CORE, SchemaNames.QUANTITY))
        .isEqualTo(JSON.readTree("{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"number\"}]}"));
    assertThat(schema(CORE, SchemaNames.INT_OR_STRING)).isEqualTo(JSON.readTree(
        "{\"format\":\"int-or-string\",\"oneOf\":[{\"type\":\"integer\"},{\"type\":\"string\"}]}"));
  }

  @Test
  void fabric8AdditionalPropertiesCatchAllNeverBecomesAField() {
    for (JsonNode doc : List.of(CORE, APPS)) {
      for (Map.Entry<String, JsonNode> schema : doc.at("/components/schemas").properties()) {
        assertThat(fieldNames(schema.getValue().path("properties"))).as(schema.getKey())
            .doesNotContain("additionalProperties");
      }
    }
    assertThat(fieldNames(schema(CORE, "io.k8s.api.core.v1.Pod").get("properties")))
        .containsExactlyInAnyOrder("apiVersion", "kind", "metadata", "spec", "status");
  }

  @Test
  void kindsListsAndCommonTypesCarryTheirGroupVersionKinds() throws IOException {
    assertThat(schema(APPS, "io.k8s.api.apps.v1.Deployment").get("x-kubernetes-group-version-kind"))
        .isEqualTo(JSON.readTree("[{\"group\":\"apps\",\"kind\":\"Deployment\",\"version\":\"v1\"}]"));
    assertThat(schema(APPS, "io.k8s.api.apps.v1.DeploymentList")
        .at("/x-kubernetes-group-version-kind/0/kind").asText()).isEqualTo("DeploymentList");
    assertThat(schema(CORE, "io.k8s.api.core.v1.Namespace").get("x-kubernetes-group-version-kind"))
        .isEqualTo(JSON.readTree("[{\"group\":\"\",\"kind\":\"Namespace\",\"version\":\"v1\"}]"));
    assertThat(schema(APPS, "io.k8s.api.autoscaling.v1.Scale")
        .at("/x-kubernetes-group-version-kind/0/group").asText()).isEqualTo("autoscaling");
    for (String common : List.of("DeleteOptions", "WatchEvent")) {
      assertThat(schema(APPS, SchemaNames.META + "." + common).get("x-kubernetes-group-version-kind"))
          .contains(JSON.readTree("{\"group\":\"apps\",\"kind\":\"" + common + "\",\"version\":\"v1\"}"),
              JSON.readTree("{\"group\":\"\",\"kind\":\"" + common + "\",\"version\":\"v1\"}"));
    }
    assertThat(schema(CORE, SchemaNames.STATUS).at("/x-kubernetes-group-version-kind/0/kind").asText())
        .isEqualTo("Status");
  }

  @Test
  void requiredFieldsAreMarkedForExplain() {
    assertThat(schema(CORE, "io.k8s.api.core.v1.Container").get("required"))
        .containsExactly(JSON.getNodeFactory().textNode("name"));
    assertThat(schema(CORE, "io.k8s.api.core.v1.PodList").get("required"))
        .containsExactly(JSON.getNodeFactory().textNode("items"));
    assertThat(schema(CORE, SchemaNames.META + ".ObjectMeta").has("required")).isFalse();
  }

  @Test
  void everyReferencedSchemaIsDefinedInTheSameDocument() {
    for (JsonNode doc : List.of(CORE, APPS)) {
      List<String> refs = new ArrayList<>();
      collectRefs(doc, refs);
      assertThat(refs).isNotEmpty();
      for (String ref : refs) {
        assertThat(doc.at("/components/schemas").has(ref.substring(Schema.REF_PREFIX.length())))
            .as(ref).isTrue();
      }
    }
  }

  @Test
  void aKindWithoutAModelClassIsAnOpaqueObject() throws IOException {
    ApiResource widgets = new ApiResource("", "v1", "configmaps", "configmap", "ConfigMap", true,
        List.of(), List.of(), ApiResource.ALL_VERBS,
        List.of(new Subresource("widget", "example.com", "v1", "Widget", EnumSet.of(Verb.GET))),
        ConfigMap.class, ConfigMapList.class);
    JsonNode doc = JSON.readTree(new OpenApiV3(List.of(widgets), PatchMetaSource.none(), JSON)
        .document("api/v1").orElseThrow().json());

    assertThat(doc.at("/paths/~1api~1v1~1namespaces~1{namespace}~1configmaps~1{name}~1widget/get"
        + "/responses/200/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/io.k8s.api.example.v1.Widget");
    assertThat(schema(doc, "io.k8s.api.example.v1.Widget").get("type").asText()).isEqualTo("object");
  }

  private static void collectRefs(JsonNode node, List<String> into) {
    if (node.isObject()) {
      if (node.has("$ref")) into.add(node.get("$ref").asText());
      node.elements().forEachRemaining(child -> collectRefs(child, into));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectRefs(child, into));
    }
  }

  private static JsonNode document(String gv) {
    try {
      return JSON.readTree(OPENAPI.document(gv).orElseThrow().json());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode schema(JsonNode doc, String name) {
    JsonNode schema = doc.at("/components/schemas").get(name);
    assertThat(schema).as(name).isNotNull();
    return schema;
  }

  private static List<String> queryParameters(JsonNode operation) {
    List<String> names = new ArrayList<>();
    for (JsonNode p : operation.path("parameters")) {
      if (p.get("in").asText().equals("query")) names.add(p.get("name").asText());
    }
    return names;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static <T> Iterable<T> iterable(Iterator<T> iterator) {
    return () -> iterator;
  }
}
