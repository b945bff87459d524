package io.kube4j.apiserver.e2e;

import static io.kube4j.apiserver.e2e.RawApi.assertStatus;
import static io.kube4j.apiserver.e2e.RawApi.causeFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.apiserver.testing.TestCluster;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on create, read and the transport, over raw HTTPS: each gets the Status Kubernetes
 * answers (code, reason, message word for word, causes), and etcd holds nothing it should not.
 * Bad writes to existing objects are {@link BadUpdateIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {

  static final String NS = "bad";
  static final String CONFIGMAPS = "/api/v1/namespaces/" + NS + "/configmaps";
  static final String KEYS = "/registry/configmaps/" + NS + "/";
  /** Upstream's {@code MaxRequestBodyBytes}. */
  static final int BODY_LIMIT = 3 * 1024 * 1024;
  static final String UNRECOGNIZED = "the object provided is unrecognized (must be of type ConfigMap): ";
  static final String GO_FIND_KIND = "struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; "
      + "Kind string \"json:\\\"kind,omitempty\\\"\" }";
  static final String RFC1123_SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
      + "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex "
      + "used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  static final String DNS1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', "
      + "start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or "
      + "'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

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

  /** A POST the apiserver must refuse; {@code absentKey} is the etcd key it must not write. */
  record Rejected(String name, String path, String contentType, byte[] body, int code, String reason,
      String message, List<String> causes, String absentKey) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Rejected post(String name, String contentType, String body, int code, String reason, String message,
      String absentKey) {
    return post(name, CONFIGMAPS, contentType, body.getBytes(StandardCharsets.UTF_8), code, reason, message,
        List.of(), absentKey);
  }

  static Rejected post(String name, String path, String contentType, byte[] body, int code, String reason,
      String message, List<String> causes, String absentKey) {
    return new Rejected(name, path, contentType, body, code, reason, message, causes, absentKey);
  }

  static Rejected invalid(String name, String path, String json, String message, List<String> causes, String key) {
    return post(name, path, "application/json", json.getBytes(StandardCharsets.UTF_8), 422, "Invalid", message,
        causes, key);
  }

  static String configMap(String name, String extra) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\"}" + extra + "}";
  }

  /** A ConfigMap JSON body of exactly {@code bytes} bytes, its one value padding it out. */
  static byte[] configMapOfSize(String name, int bytes) {
    String head = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
        + "\"},\"data\":{\"k\":\"";
    String tail = "\"}}";
    return (head + "x".repeat(bytes - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
  }

  static Stream<Rejected> rejectedCreates() {
    String longName = "a".repeat(64);
    return Stream.of(
        post("malformed JSON", "application/json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{}",
            400, "BadRequest", UNRECOGNIZED + "couldn't get version/kind; json parse error: unexpected end of JSON "
                + "input ({\"apiVersion\":\"v1\",\"kind\":\"Con ...)", KEYS),
        post("JSON with an unquoted key", "application/json", "{bad json}", 400, "BadRequest", UNRECOGNIZED
            + "couldn't get version/kind; json parse error: invalid character 'b' looking for beginning of object "
            + "key string ({bad json})", KEYS),
        post("malformed YAML", "application/yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x: y\n",
            400, "BadRequest", UNRECOGNIZED + "yaml: line 4: mapping values are not allowed in this context "
                + "(61706956657273696f6e3a2076310a6b696e643a20436f6e6669674d6170 ...)", KEYS + "x"),
        post("empty body", "application/json", "", 400, "BadRequest",
            UNRECOGNIZED + "couldn't get version/kind; json parse error: unexpected end of JSON input (<empty>)", KEYS),
        post("JSON array instead of an object", "application/json", "[]", 400, "BadRequest", UNRECOGNIZED
            + "couldn't get version/kind; json parse error: json: cannot unmarshal array into Go value of type "
            + GO_FIND_KIND + " (5b5d)", KEYS),
        post("unknown field with Strict validation", CONFIGMAPS + "?fieldValidation=Strict", "application/json",
            configMap("strict", ",\"bogus\":1").getBytes(StandardCharsets.UTF_8), 400, "BadRequest",
            "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error: unknown field "
                + "\"bogus\"", List.of(), KEYS + "strict"),
        post("a Secret sent to the configmaps endpoint", "application/json",
            "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"wrongkind\"}}", 400, "BadRequest",
            "Secret in version \"v1\" cannot be handled as a ConfigMap: converting (v1.Secret) to (core.ConfigMap): "
                + "unknown conversion", KEYS + "wrongkind"),
        invalid("uppercase and underscore in a ConfigMap name", CONFIGMAPS, configMap("Bad_Name", ""),
            "ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": " + RFC1123_SUBDOMAIN,
            List.of("metadata.name"), KEYS + "Bad_Name"),
        invalid("a namespace name over 63 characters", "/api/v1/namespaces",
            "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + longName + "\"}}",
            // the kubernetes.io/metadata.name label, defaulted from the name, is as invalid as the name
            "Namespace \"" + longName + "\" is invalid: [metadata.name: Invalid value: \"" + longName
                + "\": must be no more than 63 characters, metadata.labels: Invalid value: \"" + longName
                + "\": must be no more than 63 characters]", List.of("metadata.name", "metadata.labels"),
            "/registry/namespaces/" + longName),
        invalid("a Service name that is not a DNS-1035 label", "/api/v1/namespaces/" + NS + "/services",
            "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"1svc\"},\"spec\":{\"ports\":[{\"port\""
                + ":80}]}}", "Service \"1svc\" is invalid: metadata.name: Invalid value: \"1svc\": " + DNS1035,
            List.of("metadata.name"), "/registry/services/" + NS + "/1svc"),
        invalid("a pod without containers", "/api/v1/namespaces/" + NS + "/pods",
            "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"empty\"},\"spec\":{}}",
            "Pod \"empty\" is invalid: spec.containers: Required value", List.of("spec.containers"),
            "/registry/pods/" + NS + "/empty"),
        post("a ConfigMap with over 1 MiB of data in a body of exactly the limit", CONFIGMAPS, "application/json",
            configMapOfSize("big", BODY_LIMIT), 422, "Invalid",
            "ConfigMap \"big\" is invalid: []: Too long: must have at most 1048576 bytes", List.of("[]"), KEYS + "big"),
        post("a body over 3 MiB", CONFIGMAPS, "application/json", configMapOfSize("huge", BODY_LIMIT + 1), 413,
            "RequestEntityTooLarge", "Request entity too large: limit is 3145728", List.of(), KEYS + "huge"),
        post("text/plain", "text/plain", configMap("plain", ""), 415, "UnsupportedMediaType",
            "the body of the request was in an unknown format - accepted media types include: application/json, "
                + "application/yaml, application/vnd.kubernetes.protobuf", KEYS + "plain"),
        post("a protobuf body without the k8s magic", "application/vnd.kubernetes.protobuf", "not protobuf", 400,
            "BadRequest", UNRECOGNIZED + "provided data does not appear to be a protobuf message, expected prefix "
                + "[107 56 115 0] (6e6f742070726f746f627566)", KEYS),
        post("a create in a missing namespace", "/api/v1/namespaces/nowhere/configmaps", "application/json",
            configMap("lost", "").getBytes(StandardCharsets.UTF_8), 404, "NotFound",
            "namespaces \"nowhere\" not found", List.of(), "/registry/configmaps/nowhere/lost"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedCreates")
  void badCreateIsAnsweredWithItsStatusAndStoresNothing(Rejected c) {
    String prefix = c.absentKey().substring(0, c.absentKey().lastIndexOf('/') + 1);
    long before = api.count(prefix);

    RawApi.Reply r = api.send("POST", c.path(), c.contentType(), c.body());

    JsonNode status = assertStatus(r, c.code(), c.reason(), c.message());
    assertThat(causeFields(status)).isEqualTo(c.causes());
    assertThat(api.count(prefix)).as("keys under %s", prefix).isEqualTo(before);
    if (!c.absentKey().equals(prefix)) {
      assertThat(api.modRevision(c.absentKey())).as(c.absentKey()).isEmpty();
    }
  }

  @Test
  void oversizeBodyAnnouncedWithExpectContinueIsRefusedBeforeItIsSent() {
    assertStatus(api.announce(CONFIGMAPS, BODY_LIMIT + 1L), 413, "RequestEntityTooLarge",
        "Request entity too large: limit is 3145728");
  }

  @Test
  void unknownFieldWithWarnIsDroppedAndReportedInAWarningHeader() {
    RawApi.Reply r = api.send("POST", CONFIGMAPS + "?fieldValidation=Warn", "application/json",
        configMap("warned", ",\"bogus\":1,\"data\":{\"k\":\"v\"}"));

    assertThat(r.code()).isEqualTo(201);
    assertThat(r.headers().allValues("Warning")).containsExactly("299 - \"unknown field \\\"bogus\\\"\"");
    assertThat(r.json().has("bogus")).isFalse();
    JsonNode stored = api.stored(KEYS + "warned").orElseThrow();
    assertThat(stored.has("bogus")).isFalse();
    assertThat(stored.path("data").path("k").asText()).isEqualTo("v");
  }

  @Test
  void unknownFieldWithIgnoreIsDroppedSilently() {
    RawApi.Reply r = api.send("POST", CONFIGMAPS + "?fieldValidation=Ignore", "application/json",
        configMap("ignored", ",\"bogus\":1"));

    assertThat(r.code()).isEqualTo(201);
    assertThat(r.headers().allValues("Warning")).isEmpty();
    assertThat(api.stored(KEYS + "ignored").orElseThrow().has("bogus")).isFalse();
  }

  /** A request that fails in routing or in its query, before any body is read. */
  record Refused(String name, String method, String path, int code, String reason, String message,
      String details) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Refused> refusedRequests() {
    return Stream.of(
        new Refused("POST to an object", "POST", CONFIGMAPS + "/x", 405, "MethodNotAllowed",
            "the server does not allow this method on the requested resource", "{}"),
        new Refused("an unknown resource", "GET", "/api/v1/namespaces/" + NS + "/bogus", 404, "NotFound",
            "the server could not find the requested resource", "{}"),
        new Refused("an unknown resource in a group", "GET", "/apis/apps/v1/bogus", 404, "NotFound",
            "the server could not find the requested resource", "{}"),
        new Refused("a missing object", "GET", CONFIGMAPS + "/nope", 404, "NotFound",
            "configmaps \"nope\" not found", "{\"name\":\"nope\",\"kind\":\"configmaps\"}"),
        new Refused("a limit that is not a number", "GET", CONFIGMAPS + "?limit=abc", 400, "BadRequest",
            "strconv.ParseInt: parsing \"abc\": invalid syntax", null),
        new Refused("a label selector that does not parse", "GET", CONFIGMAPS + "?labelSelector=app%20in%20web",
            400, "BadRequest", "unable to parse requirement: found 'web' expected: '('", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedRequests")
  void refusedRequestIsAnsweredWithItsStatus(Refused c) throws Exception {
    JsonNode status = assertStatus(api.send(c.method(), c.path(), null, (byte[]) null), c.code(), c.reason(),
        c.message());

    if (c.details() == null) {
      assertThat(status.has("details")).as("details of %s", status).isFalse();
    } else {
      assertThat(status.get("details")).isEqualTo(RawApi.JSON.readTree(c.details()));
    }
    assertThat(api.modRevision(KEYS + "x")).as("the POST to an object created nothing").isEmpty();
  }

  @Test
  void requestWithoutCredentialsIsAnonymousAndForbiddenAndStoresNothing() {
    try (RawApi anonymous = RawApi.as(cluster, Optional.empty())) {
      assertStatus(anonymous.get("/api/v1/namespaces"), 403, "Forbidden", "namespaces is forbidden: User "
          + "\"system:anonymous\" cannot list resource \"namespaces\" in API group \"\" at the cluster scope");
      assertStatus(anonymous.send("POST", CONFIGMAPS, "application/json", configMap("anon", "")), 403,
          "Forbidden", "configmaps is forbidden: User \"system:anonymous\" cannot create resource \"configmaps\" in "
          + "API group \"\" in the namespace \"bad\"");
      assertStatus(anonymous.get("/api"), 403, "Forbidden",
          "forbidden: User \"system:anonymous\" cannot get path \"/api\"");
    }
    assertThat(api.modRevision(KEYS + "anon")).isEmpty();
  }

  @Test
  void bearerTokenNobodyKnowsIsUnauthorizedNeverAnonymous() {
    try (RawApi anonymous = RawApi.as(cluster, Optional.empty())) {
      RawApi.Reply r = anonymous.send("POST", CONFIGMAPS, "application/json", configMap("guess", "").getBytes(java.nio.charset.StandardCharsets.UTF_8),
          Map.of("Authorization", "Bearer not-a-token"));
      assertStatus(r, 401, "Unauthorized", "Unauthorized");
      assertStatus(anonymous.send("GET", "/version", null, null, Map.of("Authorization", "Bearer not-a-token")), 401,
          "Unauthorized", "Unauthorized");
    }
    assertThat(api.modRevision(KEYS + "guess")).isEmpty();
  }

  @Test
  void impersonationHeadersAreAuthorizedAndMalformedOnesRefused() {
    assertStatus(api.send("GET", "/api/v1/namespaces/default/configmaps", null, null,
        Map.of("Impersonate-User", "jane")), 403, "Forbidden", "configmaps is forbidden: User \"jane\" cannot list "
        + "resource \"configmaps\" in API group \"\" in the namespace \"default\"");
    RawApi.Reply groupOnly = api.send("POST", CONFIGMAPS, "application/json", configMap("imp", "").getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Map.of("Impersonate-Group", "system:masters"));
    assertThat(groupOnly.code()).isEqualTo(500);
    assertThat(groupOnly.body()).contains("without impersonating a user");
    assertThat(api.modRevision(KEYS + "imp")).isEmpty();
  }

  @Test
  void untrustedClientCertificateIsUnauthorizedAndStoresNothing() {
    try (RawApi stranger = RawApi.as(cluster, Optional.of(cluster.pki().untrustedClientCertificate("mallory")))) {
      assertStatus(stranger.get("/api/v1/namespaces"), 401, "Unauthorized", "Unauthorized");
      assertStatus(stranger.send("POST", CONFIGMAPS, "application/json", configMap("mallory", "")), 401,
          "Unauthorized", "Unauthorized");
    }
    assertThat(api.modRevision(KEYS + "mallory")).isEmpty();
  }

  @Test
  void expiredClientCertificateOfTheClusterCaIsUnauthorizedAndStoresNothing() {
    try (RawApi expired = RawApi.as(cluster, Optional.of(cluster.pki().expiredClientCertificate("kubernetes-admin",
        List.of("system:masters"))))) {
      assertStatus(expired.get("/api/v1/namespaces"), 401, "Unauthorized", "Unauthorized");
      assertStatus(expired.send("POST", CONFIGMAPS, "application/json", configMap("expired", "")), 401,
          "Unauthorized", "Unauthorized");
    }
    assertThat(api.modRevision(KEYS + "expired")).isEmpty();
  }

  @Test
  void healthAndVersionAnswerWithoutCredentials() {
    try (RawApi anonymous = RawApi.as(cluster, Optional.empty())) {
      RawApi.Reply healthz = anonymous.get("/healthz");
      assertThat(healthz.code()).isEqualTo(200);
      assertThat(healthz.body()).isEqualTo("ok");
      RawApi.Reply version = anonymous.get("/version");
      assertThat(version.code()).isEqualTo(200);
      assertThat(version.json().path("gitVersion").asText()).startsWith("v1.");
    }
  }

  /** Runs last: every bad request above left every component alive. */
  @Test
  @Order(Integer.MAX_VALUE)
  void serverStillAnswersAfterAllTheBadInput() {
    assertStatus(api.send("POST", CONFIGMAPS, "application/json", "{"), 400, "BadRequest", UNRECOGNIZED
        + "couldn't get version/kind; json parse error: unexpected end of JSON input ({)");

    RawApi.Reply ready = api.get("/readyz?verbose");
    assertThat(ready.code()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body()).contains("[+]etcd ok").endsWith("readyz check passed\n");
    api.create(CONFIGMAPS, configMap("after", ",\"data\":{\"k\":\"v\"}"));
    assertThat(api.stored(KEYS + "after").orElseThrow().path("data").path("k").asText()).isEqualTo("v");
  }
}
