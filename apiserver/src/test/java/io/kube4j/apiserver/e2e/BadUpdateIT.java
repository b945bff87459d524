package io.kube4j.apiserver.e2e;

import static io.kube4j.apiserver.e2e.RawApi.assertStatus;
import static io.kube4j.apiserver.e2e.RawApi.causeFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.testing.TestCluster;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad writes to objects that exist, over raw HTTPS: immutable fields, stale versions, failed
 * preconditions, mismatched names, unknown patch types. Each gets Kubernetes' Status and leaves the
 * stored object exactly as it was (same etcd mod revision).
 */
class BadUpdateIT {

  static final String NS = "upd";
  static final String ZERO_UID = "00000000-0000-0000-0000-000000000000";

  static TestCluster cluster;
  static RawApi api;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start();
    api = RawApi.admin(cluster);
    api.create("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + NS + "\"}}");
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Where a kind of object lives: its collection URL and its etcd prefix. */
  record Kind(String collection, String etcdPrefix) {
    static final Kind CONFIGMAP = new Kind("/api/v1/namespaces/" + NS + "/configmaps", "/registry/configmaps/" + NS + "/");
    static final Kind SERVICE = new Kind("/api/v1/namespaces/" + NS + "/services", "/registry/services/" + NS + "/");
    static final Kind DEPLOYMENT = new Kind("/apis/apps/v1/namespaces/" + NS + "/deployments",
        "/registry/deployments/" + NS + "/");
  }

  /**
   * A write to the object {@code seed} created, that must be refused.
   *
   * @param urlName the name in the request URL (usually the object's own)
   * @param body the request body, given the object as created
   * @param message the Status message, given the object as created
   */
  record BadWrite(String name, Kind kind, String seed, String method, String urlName, String contentType,
      Function<ObjectNode, String> body, int code, String reason, Function<JsonNode, String> message,
      List<String> causes) {
    @Override
    public String toString() {
      return name;
    }

  }

  static BadWrite put(String name, Kind kind, String seed, Function<ObjectNode, String> body, int code, String reason,
      Function<JsonNode, String> message, List<String> causes) {
    return new BadWrite(name, kind, seed, "PUT", null, "application/json", body, code, reason, message, causes);
  }

  static String configMap(String name, String extra) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\"}"
        + ",\"data\":{\"k\":\"v\"}" + extra + "}";
  }

  static String deployment(String name) {
    return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{"
        + "\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},"
        + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}}}";
  }

  /** A cluster IP in the service range other than the one the service was given. */
  static String otherClusterIp(JsonNode service) {
    return service.path("spec").path("clusterIP").asText().equals("10.96.0.250") ? "10.96.0.251" : "10.96.0.250";
  }

  static String uid(JsonNode obj) {
    return obj.path("metadata").path("uid").asText();
  }

  static ObjectNode with(ObjectNode obj, String pointer, String field, Object value) {
    ObjectNode at = (ObjectNode) obj.at(pointer);
    at.set(field, RawApi.JSON.valueToTree(value));
    return obj;
  }

  static Stream<BadWrite> badWrites() {
    return Stream.of(
        put("changing a Service's clusterIP", Kind.SERVICE,
            "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"svc-ip\"},\"spec\":{\"ports\":["
                + "{\"port\":80}]}}",
            o -> with(o, "/spec", "clusterIP", otherClusterIp(o)).toString(), 422, "Invalid",
            o -> "Service \"svc-ip\" is invalid: spec.clusterIPs[0]: Invalid value: []string{\"" + otherClusterIp(o)
                + "\"}: may not change once set", List.of("spec.clusterIPs[0]")),
        put("changing a Deployment's selector", Kind.DEPLOYMENT, deployment("web"),
            o -> {
              with(o, "/spec/selector", "matchLabels", Map.of("app", "other"));
              return with(o, "/spec/template/metadata", "labels", Map.of("app", "other")).toString();
            }, 422, "Invalid",
            o -> "Deployment.apps \"web\" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:"
                + "map[string]string{\"app\":\"other\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: "
                + "field is immutable", List.of("spec.selector")),
        put("changing the data of an immutable ConfigMap", Kind.CONFIGMAP, configMap("frozen", ",\"immutable\":true"),
            o -> with(o, "/data", "k", "changed").toString(), 422, "Invalid",
            o -> "ConfigMap \"frozen\" is invalid: data: Forbidden: field is immutable when `immutable` is set",
            List.of("data")),
        put("a PUT naming another uid", Kind.CONFIGMAP, configMap("uid-put", ""),
            o -> with(o, "/metadata", "uid", ZERO_UID).toString(), 409, "Conflict",
            o -> "Operation cannot be fulfilled on configmaps \"uid-put\": Precondition failed: UID in precondition: "
                + ZERO_UID + ", UID in object meta: " + uid(o), List.of()),
        new BadWrite("a merge patch changing metadata.uid", Kind.CONFIGMAP, configMap("uid-patch", ""), "PATCH", null,
            "application/merge-patch+json", o -> "{\"metadata\":{\"uid\":\"" + ZERO_UID + "\"}}", 422, "Invalid",
            o -> "ConfigMap \"uid-patch\" is invalid: metadata.uid: Invalid value: \"" + ZERO_UID
                + "\": field is immutable", List.of("metadata.uid")),
        put("a PUT with a stale resourceVersion", Kind.CONFIGMAP, configMap("stale", ""),
            o -> with(o, "/metadata", "resourceVersion", "1").toString(), 409, "Conflict",
            o -> "Operation cannot be fulfilled on configmaps \"stale\": the object has been modified; please apply "
                + "your changes to the latest version and try again", List.of()),
        new BadWrite("a PUT whose body names another object", Kind.CONFIGMAP, configMap("named", ""), "PUT", "other",
            "application/json", ObjectNode::toString, 400, "BadRequest",
            o -> "the name of the object (named) does not match the name on the URL (other)", List.of()),
        new BadWrite("a DELETE with a wrong uid precondition", Kind.CONFIGMAP, configMap("del-uid", ""), "DELETE", null,
            "application/json", o -> "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"preconditions\":{\"uid\":\""
                + ZERO_UID + "\"}}", 409, "Conflict",
            o -> "Operation cannot be fulfilled on configmaps \"del-uid\": Precondition failed: UID in precondition: "
                + ZERO_UID + ", UID in object meta: " + uid(o), List.of()),
        new BadWrite("a PATCH of an unknown type", Kind.CONFIGMAP, configMap("foo-patch", ""), "PATCH", null,
            "application/foo", o -> "{\"data\":{\"k\":\"w\"}}", 415, "UnsupportedMediaType",
            o -> "the body of the request was in an unknown format - accepted media types include: "
                + "application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json",
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badWrites")
  void badWriteIsAnsweredWithItsStatusAndLeavesTheObjectUnchanged(BadWrite c) {
    ObjectNode created = (ObjectNode) api.create(c.kind().collection(), c.seed());
    String name = created.path("metadata").path("name").asText();
    String key = c.kind().etcdPrefix() + name;
    long revision = api.modRevision(key).orElseThrow();
    JsonNode storedBefore = api.stored(key).orElseThrow();
    String urlName = c.urlName() == null ? name : c.urlName();

    RawApi.Reply r = api.send(c.method(), c.kind().collection() + "/" + urlName, c.contentType(),
        c.body().apply(created.deepCopy()));

    JsonNode status = assertStatus(r, c.code(), c.reason(), c.message().apply(created));
    assertThat(causeFields(status)).isEqualTo(c.causes());
    assertThat(api.modRevision(key)).contains(revision);
    assertThat(api.stored(key)).contains(storedBefore);
    if (!urlName.equals(name)) {
      assertThat(api.modRevision(c.kind().etcdPrefix() + urlName)).isEmpty();
    }
  }
}
