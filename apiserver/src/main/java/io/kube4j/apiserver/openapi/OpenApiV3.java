package io.kube4j.apiserver.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.kube4j.apiserver.registry.ApiResource;
import io.kube4j.apiserver.registry.ApiResource.Subresource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The OpenAPI v3 discovery of the apiserver: an index at {@code /openapi/v3} and one document per
 * group-version at {@code /openapi/v3/api/v1}, {@code /openapi/v3/apis/apps/v1}, ... Everything is
 * generated once, at construction, from the served {@link ApiResource}s; instances are immutable and
 * thread-safe.
 *
 * <p>Each index entry carries {@code ?hash=<SHA-512 of the document>} so clients cache a document
 * until it changes (kube-openapi {@code handler3}).
 */
public final class OpenApiV3 {

  /** One group-version document and its hash (upper-case hex SHA-512 of the bytes). */
  public record Document(byte[] json, String hash) {}

  private final byte[] index;
  private final Map<String, Document> documents;

  /**
   * @param resources every served resource; one document is made per group-version among them
   * @param patchMeta strategic-merge facts published as {@code x-kubernetes-patch-*}
   * @param json the apiserver's mapper: its introspection decides the fields of each schema
   */
  public OpenApiV3(List<ApiResource> resources, PatchMetaSource patchMeta, ObjectMapper json) {
    ModelSchemas schemas = new ModelSchemas(json, patchMeta);
    Map<String, Set<GroupVersionKind>> kinds = new HashMap<>();
    SortedMap<String, GroupVersion> groupVersions = new TreeMap<>();

    for (ApiResource resource : resources) {
      GroupVersion gv = groupVersions.computeIfAbsent(
          ResourcePaths.groupVersionPath(resource.group(), resource.version()).substring(1),
          path -> new GroupVersion(resource.group(), resource.version()));
      String schema = schemas.define(resource.type());
      String list = schemas.define(resource.listType());
      mark(kinds, schema, GroupVersionKind.of(resource.group(), resource.version(), resource.kind()));
      mark(kinds, list, GroupVersionKind.of(resource.group(), resource.version(), resource.listKind()));
      gv.roots.add(schema);
      gv.roots.add(list);
      Map<String, ResourcePaths.Target> targets = new HashMap<>();
      for (Subresource sub : resource.subresources()) {
        target(resource, sub, schemas, kinds).ifPresent(t -> {
          targets.put(sub.name(), t);
          gv.roots.add(t.schemaName());
        });
      }
      new ResourcePaths(resource, schema, list, targets).addTo(gv.paths);
    }

    // Every group-version serves DeleteOptions and WatchEvent; upstream lists them under each.
    String deleteOptions = schemas.define(DeleteOptions.class);
    String watchEvent = schemas.define(WatchEvent.class);
    String status = schemas.define(Status.class);
    String resourceList = schemas.define(APIResourceList.class);
    schemas.defineBuiltIn(SchemaNames.PATCH);
    mark(kinds, status, GroupVersionKind.of("", "v1", "Status"));
    mark(kinds, resourceList, GroupVersionKind.of("", "v1", "APIResourceList"));
    for (GroupVersion gv : groupVersions.values()) {
      mark(kinds, deleteOptions, GroupVersionKind.of(gv.group, gv.version, "DeleteOptions"));
      mark(kinds, watchEvent, GroupVersionKind.of(gv.group, gv.version, "WatchEvent"));
      gv.roots.addAll(List.of(deleteOptions, watchEvent, status, resourceList, SchemaNames.PATCH));
    }
    kinds.forEach((name, gvks) -> schemas.markGroupVersionKinds(name, List.copyOf(gvks)));

    Map<String, Document> docs = new TreeMap<>();
    SortedMap<String, Map<String, String>> indexPaths = new TreeMap<>();
    for (Map.Entry<String, GroupVersion> entry : groupVersions.entrySet()) {
      GroupVersion gv = entry.getValue();
      gv.paths.put("/" + entry.getKey() + "/", resourceListPath(gv, resourceList));
      byte[] bytes = write(json, new OpenApiDocument(
          new Components(schemas.closure(gv.roots), Map.of("BearerToken", SecurityScheme.BEARER)),
          new Info("Kubernetes", "unversioned"), "3.0.0", gv.paths));
      Document doc = new Document(bytes, sha512(bytes));
      docs.put(entry.getKey(), doc);
      indexPaths.put(entry.getKey(),
          Map.of("serverRelativeURL", "/openapi/v3/" + entry.getKey() + "?hash=" + doc.hash()));
    }
    this.documents = Map.copyOf(docs);
    this.index = write(json, Map.of("paths", indexPaths));
  }

  /** {@code GET /openapi/v3}: {@code {"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=..."}}}}. */
  public byte[] index() {
    return index.clone();
  }

  /**
   * {@code GET /openapi/v3/<gvPath>}, e.g. {@code api/v1} or {@code apis/apps/v1} (a leading slash is
   * ignored). The returned bytes are shared: callers must not modify them.
   */
  public Optional<Document> document(String gvPath) {
    String key = gvPath.startsWith("/") ? gvPath.substring(1) : gvPath;
    return Optional.ofNullable(documents.get(key));
  }

  /** The type a subresource reads and writes when it is not the resource's own kind. */
  private static Optional<ResourcePaths.Target> target(ApiResource resource, Subresource sub,
      ModelSchemas schemas, Map<String, Set<GroupVersionKind>> kinds) {
    if (sub.kind() == null || sub.kind().isBlank()) return Optional.empty();
    String group = sub.group() == null ? resource.group() : sub.group();
    String version = sub.version() == null || sub.version().isBlank() ? resource.version() : sub.version();
    GroupVersionKind gvk = GroupVersionKind.of(group, version, sub.kind());
    if (gvk.equals(GroupVersionKind.of(resource.group(), resource.version(), resource.kind()))) {
      return Optional.empty();
    }
    String name = SchemaNames.modelClass(group, version, sub.kind())
        .map(schemas::define)
        .orElseGet(() -> byHand(schemas, group, version, sub.kind()));
    mark(kinds, name, gvk);
    return Optional.of(new ResourcePaths.Target(gvk, name));
  }

  /**
   * A kind whose Fabric8 module is not on the class path. {@code autoscaling/v1 Scale} is small and
   * used by {@code kubectl scale}, so it is written out; anything else is an opaque object.
   */
  private static String byHand(ModelSchemas schemas, String group, String version, String kind) {
    String name = SchemaNames.of(group, version, kind);
    if (!name.equals("io.k8s.api.autoscaling.v1.Scale")) {
      schemas.defineByHand(name, Schema.type("object"));
      return name;
    }
    String meta = schemas.define(ObjectMeta.class);
    schemas.defineByHand(name + "Spec", Schema.object(
        new TreeMap<>(Map.of("replicas", Schema.type("integer", "int32"))), null));
    schemas.defineByHand(name + "Status", Schema.object(new TreeMap<>(Map.of(
        "replicas", Schema.type("integer", "int32"), "selector", Schema.type("string"))),
        List.of("replicas")));
    schemas.defineByHand(name, Schema.object(new TreeMap<>(Map.of(
        "apiVersion", Schema.type("string"), "kind", Schema.type("string"),
        "metadata", Schema.allOfRef(meta), "spec", Schema.allOfRef(name + "Spec"),
        "status", Schema.allOfRef(name + "Status"))), null));
    return name;
  }

  private static PathItem resourceListPath(GroupVersion gv, String resourceList) {
    PathItem item = new PathItem(List.of());
    item.put("get", new Operation(
        "get" + ResourcePaths.groupPascal(gv.group) + capitalize(gv.version) + "APIResources", null,
        null, ResourcePaths.responses(resourceList, List.of("application/json", "application/yaml"),
            "200"),
        List.of(ResourcePaths.tag(gv.group, gv.version)), null, null));
    return item;
  }

  private static void mark(Map<String, Set<GroupVersionKind>> kinds, String schema,
      GroupVersionKind gvk) {
    kinds.computeIfAbsent(schema, n -> new TreeSet<>(GroupVersionKind.ORDER)).add(gvk);
  }

  private static byte[] write(ObjectMapper json, Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize the OpenAPI document", e);
    }
  }

  static String sha512(byte[] bytes) {
    try {
      return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE provides SHA-512", e);
    }
  }

  private static String capitalize(String s) {
    return s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
  }

  /** The paths and root schemas of one group-version, filled while walking the resources. */
  private static final class GroupVersion {
    final String group;
    final String version;
    final Set<String> roots = new LinkedHashSet<>();
    final SortedMap<String, PathItem> paths = new TreeMap<>();

    GroupVersion(String group, String version) {
      this.group = group;
      this.version = version;
    }
  }

  @JsonPropertyOrder(alphabetic = true)
  record OpenApiDocument(Components components, Info info, String openapi,
      SortedMap<String, PathItem> paths) {}

  @JsonPropertyOrder(alphabetic = true)
  record Components(SortedMap<String, Schema> schemas, Map<String, SecurityScheme> securitySchemes) {}

  record Info(String title, String version) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder(alphabetic = true)
  record SecurityScheme(String description, String in, String name, String type) {
    static final SecurityScheme BEARER =
        new SecurityScheme("Bearer Token authentication", "header", "authorization", "apiKey");
  }
}
