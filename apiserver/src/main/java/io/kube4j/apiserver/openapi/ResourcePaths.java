package io.kube4j.apiserver.openapi;

import io.kube4j.apiserver.openapi.Operation.MediaType;
import io.kube4j.apiserver.openapi.Operation.Parameter;
import io.kube4j.apiserver.openapi.Operation.RequestBody;
import io.kube4j.apiserver.openapi.Operation.Response;
import io.kube4j.apiserver.registry.ApiResource;
import io.kube4j.apiserver.registry.ApiResource.Subresource;
import io.kube4j.apiserver.registry.ApiResource.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The paths of one resource, shaped as upstream's installer writes them
 * ({@code apiserver/pkg/endpoints/installer.go}): collection, object, subresources, the cluster-wide
 * list of a namespaced resource, and the deprecated {@code /watch/} paths. Operation ids follow
 * upstream: {@code <verb><Group><Version>[Namespaced]<Kind>[<Subresource>]}, e.g.
 * {@code patchAppsV1NamespacedDeploymentScale}.
 */
final class ResourcePaths {

  /** The schema and kind a subresource reads and writes (Scale for {@code deployments/scale}). */
  record Target(GroupVersionKind groupVersionKind, String schemaName) {}

  private static final List<String> JSON_YAML = List.of("application/json", "application/yaml");
  private static final List<String> STREAMABLE =
      List.of("application/json", "application/json;stream=watch", "application/yaml");
  private static final List<String> PATCH_TYPES = List.of("application/apply-patch+yaml",
      "application/json-patch+json", "application/merge-patch+json",
      "application/strategic-merge-patch+json");
  /**
   * Resources whose DELETE answers with the deleted object rather than a Status: upstream's stores
   * with {@code ReturnDeletedObject: true} (e.g. {@code pkg/registry/core/pod/storage}).
   */
  private static final Set<String> RETURNS_DELETED_OBJECT = Set.of("pods", "podtemplates",
      "persistentvolumeclaims", "persistentvolumes", "resourcequotas", "serviceaccounts", "services");
  private static final Set<String> CONNECT = Set.of("exec", "attach", "portforward", "proxy");
  private static final Map<String, String> CONNECT_OPTIONS = Map.of(
      "exec", "ExecOptions", "attach", "AttachOptions", "portforward", "PortForwardOptions",
      "proxy", "ProxyOptions");

  private final ApiResource resource;
  private final Target self;
  private final String listSchema;
  private final Map<String, Target> subresources;
  private final String prefix;
  private final String scope;
  private final String names;
  private final List<String> tags;

  /**
   * @param subresources the target of every non-connect subresource, by subresource name
   */
  ResourcePaths(ApiResource resource, String schema, String listSchema,
      Map<String, Target> subresources) {
    this.resource = resource;
    this.self = new Target(GroupVersionKind.of(resource.group(), resource.version(), resource.kind()),
        schema);
    this.listSchema = listSchema;
    this.subresources = subresources;
    this.prefix = groupVersionPath(resource.group(), resource.version());
    this.scope = resource.namespaced() ? "/namespaces/{namespace}" : "";
    this.names = groupPascal(resource.group()) + capitalize(resource.version());
    this.tags = List.of(tag(resource.group(), resource.version()));
  }

  /** {@code /api/v1} or {@code /apis/apps/v1}. */
  static String groupVersionPath(String group, String version) {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  /** {@code Core}, {@code Apps}, {@code RbacAuthorization} (from {@code rbac.authorization.k8s.io}). */
  static String groupPascal(String group) {
    if (group.isEmpty()) return "Core";
    StringBuilder out = new StringBuilder();
    for (String part : group.replaceFirst("\\.k8s\\.io$", "").split("\\.")) {
      out.append(capitalize(part));
    }
    return out.toString();
  }

  /** {@code core_v1}, {@code apps_v1}, {@code rbacAuthorization_v1}. */
  static String tag(String group, String version) {
    String pascal = groupPascal(group);
    return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1) + "_" + version;
  }

  void addTo(Map<String, PathItem> paths) {
    String kind = resource.kind();
    String ns = resource.namespaced() ? "Namespaced" : "";
    String collection = prefix + scope + "/" + resource.resource();
    String object = collection + "/{name}";
    Set<Verb> verbs = resource.verbs();

    PathItem items = new PathItem(scopeParameters(false, true));
    if (verbs.contains(Verb.LIST)) {
      items.put("get", operation("list" + names + ns + kind, "list", self.groupVersionKind(),
          Parameters.LIST, null, responses(listSchema, STREAMABLE, "200")));
    }
    if (verbs.contains(Verb.CREATE)) {
      items.put("post", write("create" + names + ns + kind, "post", self, Parameters.WRITE,
          "200", "201", "202"));
    }
    if (verbs.contains(Verb.DELETECOLLECTION)) {
      items.put("delete", operation("delete" + names + "Collection" + ns + kind, "deletecollection",
          self.groupVersionKind(), Parameters.DELETE_COLLECTION,
          body(SchemaNames.DELETE_OPTIONS, List.of("*/*")),
          responses(SchemaNames.STATUS, JSON_YAML, "200")));
    }
    add(paths, collection, items);

    PathItem one = new PathItem(scopeParameters(true, true));
    if (verbs.contains(Verb.GET)) {
      one.put("get", operation("read" + names + ns + kind, "get", self.groupVersionKind(), null,
          null, responses(self.schemaName(), JSON_YAML, "200")));
    }
    if (verbs.contains(Verb.UPDATE)) {
      one.put("put", write("replace" + names + ns + kind, "put", self, Parameters.WRITE, "200", "201"));
    }
    if (verbs.contains(Verb.PATCH)) {
      one.put("patch", patch("patch" + names + ns + kind, self));
    }
    if (verbs.contains(Verb.DELETE)) {
      String deleted = resource.group().isEmpty() && RETURNS_DELETED_OBJECT.contains(resource.resource())
          ? self.schemaName() : SchemaNames.STATUS;
      one.put("delete", operation("delete" + names + ns + kind, "delete", self.groupVersionKind(),
          Parameters.DELETE, body(SchemaNames.DELETE_OPTIONS, List.of("*/*")),
          responses(deleted, JSON_YAML, "200", "202")));
    }
    add(paths, object, one);

    if (resource.namespaced() && verbs.contains(Verb.LIST)) {
      PathItem all = new PathItem(List.of(Parameters.PRETTY));
      all.put("get", operation("list" + names + kind + "ForAllNamespaces", "list",
          self.groupVersionKind(), Parameters.LIST, null, responses(listSchema, STREAMABLE, "200")));
      add(paths, prefix + "/" + resource.resource(), all);
    }
    if (verbs.contains(Verb.WATCH)) {
      addWatchPaths(paths, kind, ns);
    }
    for (Subresource sub : resource.subresources()) {
      addSubresource(paths, sub, kind, ns, object + "/" + sub.name());
    }
  }

  private void addWatchPaths(Map<String, PathItem> paths, String kind, String ns) {
    String watchCollection = prefix + "/watch" + scope + "/" + resource.resource();
    watch(paths, watchCollection, scopeParameters(false, true),
        "watch" + names + ns + kind + "List", "watchlist");
    watch(paths, watchCollection + "/{name}", scopeParameters(true, true),
        "watch" + names + ns + kind, "watch");
    if (resource.namespaced()) {
      watch(paths, prefix + "/watch/" + resource.resource(), List.of(Parameters.PRETTY),
          "watch" + names + kind + "ListForAllNamespaces", "watchlist");
    }
  }

  private void watch(Map<String, PathItem> paths, String path, List<Parameter> shared, String id,
      String action) {
    PathItem item = new PathItem(shared);
    item.put("get", operation(id, action, self.groupVersionKind(), Parameters.LIST, null,
        responses(SchemaNames.WATCH_EVENT, STREAMABLE, "200")));
    add(paths, path, item);
  }

  private void addSubresource(Map<String, PathItem> paths, Subresource sub, String kind, String ns,
      String path) {
    String name = capitalize(sub.name());
    if (CONNECT.contains(sub.name())) {
      GroupVersionKind options = GroupVersionKind.of(resource.group(), resource.version(),
          kind + CONNECT_OPTIONS.get(sub.name()));
      connect(paths, path, sub, options, ns + kind + name, scopeParameters(true, false));
      if (sub.name().equals("proxy")) {
        List<Parameter> withPath = new ArrayList<>(scopeParameters(true, false));
        withPath.add(Parameters.PROXY_PATH);
        connect(paths, path + "/{path}", sub, options, ns + kind + name + "WithPath", withPath);
      }
      return;
    }
    PathItem item = new PathItem(scopeParameters(true, true));
    if (sub.name().equals("log")) {
      SortedMap<String, MediaType> text = new TreeMap<>();
      for (String type : List.of("application/json", "application/yaml", "text/plain")) {
        text.put(type, new MediaType(Schema.type("string")));
      }
      item.put("get", operation("read" + names + ns + kind + name, "get", self.groupVersionKind(),
          Parameters.LOG, null, new TreeMap<>(Map.of("200", new Response("OK", text),
              "401", unauthorized()))));
      add(paths, path, item);
      return;
    }
    Target target = subresources.getOrDefault(sub.name(), self);
    String suffix = ns + kind + name;
    if (sub.verbs().contains(Verb.GET)) {
      item.put("get", operation("read" + names + suffix, "get", target.groupVersionKind(), null,
          null, responses(target.schemaName(), JSON_YAML, "200")));
    }
    if (sub.verbs().contains(Verb.CREATE)) {
      item.put("post", write("create" + names + suffix, "post", target, Parameters.WRITE,
          "200", "201", "202"));
    }
    if (sub.verbs().contains(Verb.UPDATE)) {
      item.put("put", write("replace" + names + suffix, "put", target, Parameters.WRITE, "200", "201"));
    }
    if (sub.verbs().contains(Verb.PATCH)) {
      item.put("patch", patch("patch" + names + suffix, target));
    }
    add(paths, path, item);
  }

  /** Exec, attach, port-forward and proxy upgrade or tunnel the connection; their body is opaque. */
  private void connect(Map<String, PathItem> paths, String path, Subresource sub,
      GroupVersionKind options, String suffix, List<Parameter> shared) {
    List<Parameter> all = new ArrayList<>(shared);
    all.addAll(Parameters.connect(sub.name()));
    PathItem item = new PathItem(all);
    SortedMap<String, MediaType> any = new TreeMap<>(Map.of("*/*", new MediaType(Schema.type("string"))));
    for (Verb verb : sub.verbs()) {
      String method = switch (verb) {
        case GET -> "get";
        case CREATE -> "post";
        case UPDATE -> "put";
        case PATCH -> "patch";
        case DELETE -> "delete";
        default -> null;
      };
      if (method == null) continue;
      item.put(method, new Operation("connect" + names + capitalize(method) + suffix, null, null,
          new TreeMap<>(Map.of("200", new Response("OK", any), "401", unauthorized())), tags,
          "connect", options));
    }
    add(paths, path, item);
  }

  private Operation write(String id, String action, Target target, List<Parameter> parameters,
      String... codes) {
    return operation(id, action, target.groupVersionKind(), parameters,
        body(target.schemaName(), List.of("*/*")), responses(target.schemaName(), JSON_YAML, codes));
  }

  /**
   * kubectl looks for exactly this: a PATCH operation with the kind's GVK, a {@code fieldValidation}
   * query parameter, and a strategic-merge-patch request body.
   */
  private Operation patch(String id, Target target) {
    return operation(id, "patch", target.groupVersionKind(), Parameters.PATCH,
        body(SchemaNames.PATCH, PATCH_TYPES), responses(target.schemaName(), JSON_YAML, "200", "201"));
  }

  private Operation operation(String id, String action, GroupVersionKind gvk,
      List<Parameter> parameters, RequestBody body, SortedMap<String, Response> responses) {
    return new Operation(id, parameters, body, responses, tags, action, gvk);
  }

  private static RequestBody body(String schema, List<String> mediaTypes) {
    SortedMap<String, MediaType> content = new TreeMap<>();
    for (String type : mediaTypes) content.put(type, new MediaType(Schema.ref(schema)));
    return new RequestBody(content);
  }

  static SortedMap<String, Response> responses(String schema, List<String> mediaTypes,
      String... codes) {
    SortedMap<String, MediaType> content = new TreeMap<>();
    for (String type : mediaTypes) content.put(type, new MediaType(Schema.ref(schema)));
    SortedMap<String, Response> out = new TreeMap<>();
    for (String code : codes) {
      out.put(code, new Response(switch (code) {
        case "201" -> "Created";
        case "202" -> "Accepted";
        default -> "OK";
      }, content));
    }
    out.put("401", unauthorized());
    return out;
  }

  private static Response unauthorized() {
    return new Response("Unauthorized", null);
  }

  private List<Parameter> scopeParameters(boolean named, boolean pretty) {
    List<Parameter> out = new ArrayList<>();
    if (named) out.add(Parameters.NAME);
    if (resource.namespaced()) out.add(Parameters.NAMESPACE);
    if (pretty) out.add(Parameters.PRETTY);
    return out;
  }

  private static void add(Map<String, PathItem> paths, String path, PathItem item) {
    if (item.operations().isEmpty()) return;
    item.hoistLoneOperationParameters();
    paths.put(path, item);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
