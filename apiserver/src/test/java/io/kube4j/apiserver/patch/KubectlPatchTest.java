package io.kube4j.apiserver.patch;

import static io.kube4j.apiserver.patch.Json.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The patches kubectl 1.32 sends (recorded in {@code kubectl-contract.md} §5 and §10, or computed the
 * way kubectl computes them), applied to a live object.
 */
class KubectlPatchTest {

  private final Patcher patcher = new Patcher();

  record Case(String name, PatchType type, Class<?> model, String live, String patch, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String DEPLOYMENT = "{'metadata':{'name':'web','labels':{'a':'1','b':'2'},"
      + "'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'old'}},"
      + "'spec':{'replicas':1,'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':["
      + "{'name':'one','image':'busybox:1','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]},"
      + "{'name':'two','image':'nginx:1'}]}}}}";

  static Stream<Case> cases() {
    return Stream.of(
        // §5, verbatim: removes label b, container "two" and env var A, changes B and the image
        new Case("apply -f removing a label, a container and an env var", PatchType.STRATEGIC_MERGE_PATCH,
            Deployment.class, DEPLOYMENT,
            """
            {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"…"},"labels":{"b":null}},
             "spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"one"}],
               "containers":[{"$setElementOrder/env":[{"name":"B"}],"env":[{"name":"B","value":"3"},{"$patch":"delete","name":"A"}],
                              "image":"busybox:2","name":"one"},
                             {"$patch":"delete","name":"two"}]}}}}
            """,
            "{'metadata':{'name':'web','labels':{'a':'1'},"
                + "'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'…'}},"
                + "'spec':{'replicas':1,'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':["
                + "{'name':'one','image':'busybox:2','env':[{'name':'B','value':'3'}]}]}}}}"),
        new Case("edit", PatchType.STRATEGIC_MERGE_PATCH, ConfigMap.class,
            "{'metadata':{'name':'cfg'},'data':{'k':'v','j':'w'}}",
            "{\"data\":{\"k\":\"edited\"}}",
            "{'metadata':{'name':'cfg'},'data':{'k':'edited','j':'w'}}"),
        new Case("label", PatchType.MERGE_PATCH, ConfigMap.class,
            "{'metadata':{'name':'cfg','labels':{'a':'1'}}}",
            "{\"metadata\":{\"labels\":{\"extra\":\"1\"}}}",
            "{'metadata':{'name':'cfg','labels':{'a':'1','extra':'1'}}}"),
        new Case("label removal", PatchType.MERGE_PATCH, ConfigMap.class,
            "{'metadata':{'name':'cfg','labels':{'a':'1','extra':'1'}}}",
            "{\"metadata\":{\"labels\":{\"extra\":null}}}",
            "{'metadata':{'name':'cfg','labels':{'a':'1'}}}"),
        new Case("annotate with --resource-version", PatchType.MERGE_PATCH, ConfigMap.class,
            "{'metadata':{'name':'cfg','resourceVersion':'7'}}",
            "{\"metadata\":{\"annotations\":{\"note\":\"x\"},\"resourceVersion\":\"7\"}}",
            "{'metadata':{'name':'cfg','resourceVersion':'7','annotations':{'note':'x'}}}"),
        new Case("scale", PatchType.MERGE_PATCH, Deployment.class, DEPLOYMENT,
            "{\"spec\":{\"replicas\":3}}",
            DEPLOYMENT.replace("'replicas':1", "'replicas':3")),
        new Case("cordon", PatchType.STRATEGIC_MERGE_PATCH, Node.class,
            "{'metadata':{'name':'node1'},'spec':{'podCIDR':'10.0.0.0/24'}}",
            "{\"spec\":{\"unschedulable\":true}}",
            "{'metadata':{'name':'node1'},'spec':{'podCIDR':'10.0.0.0/24','unschedulable':true}}"),
        new Case("uncordon", PatchType.STRATEGIC_MERGE_PATCH, Node.class,
            "{'metadata':{'name':'node1'},'spec':{'unschedulable':true}}",
            "{\"spec\":{\"unschedulable\":null}}",
            "{'metadata':{'name':'node1'},'spec':{}}"),
        new Case("rollout restart", PatchType.STRATEGIC_MERGE_PATCH, Deployment.class, DEPLOYMENT,
            "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":"
                + "{\"kubectl.kubernetes.io/restartedAt\":\"2026-01-02T03:04:05Z\"}}}}}",
            DEPLOYMENT.replace("'metadata':{'labels':{'app':'web'}}",
                "'metadata':{'labels':{'app':'web'},"
                    + "'annotations':{'kubectl.kubernetes.io/restartedAt':'2026-01-02T03:04:05Z'}}")),
        new Case("rollout pause", PatchType.STRATEGIC_MERGE_PATCH, Deployment.class, DEPLOYMENT,
            "{\"spec\":{\"paused\":true}}",
            DEPLOYMENT.replace("'replicas':1", "'replicas':1,'paused':true")),
        new Case("set image", PatchType.STRATEGIC_MERGE_PATCH, Deployment.class, DEPLOYMENT,
            "{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"one\"},{\"name\":\"two\"}],"
                + "\"containers\":[{\"image\":\"nginx:2\",\"name\":\"two\"}]}}}}",
            DEPLOYMENT.replace("nginx:1", "nginx:2")),
        new Case("taint adds to the whole list", PatchType.STRATEGIC_MERGE_PATCH, Node.class,
            "{'metadata':{'name':'node1'},'spec':{'taints':[{'key':'a','effect':'NoExecute'}]}}",
            "{\"spec\":{\"taints\":[{\"effect\":\"NoExecute\",\"key\":\"a\"},"
                + "{\"effect\":\"NoSchedule\",\"key\":\"k\",\"value\":\"v\"}]}}",
            "{'metadata':{'name':'node1'},'spec':{'taints':[{'key':'a','effect':'NoExecute'},"
                + "{'effect':'NoSchedule','key':'k','value':'v'}]}}"),
        new Case("taint removing a taint replaces the list", PatchType.STRATEGIC_MERGE_PATCH, Node.class,
            "{'metadata':{'name':'node1'},'spec':{'taints':[{'key':'a','effect':'NoExecute'},"
                + "{'key':'k','value':'v','effect':'NoSchedule'}]}}",
            "{\"spec\":{\"taints\":[{\"effect\":\"NoExecute\",\"key\":\"a\"}]}}",
            "{'metadata':{'name':'node1'},'spec':{'taints':[{'effect':'NoExecute','key':'a'}]}}"),
        new Case("taint removing the last taint", PatchType.STRATEGIC_MERGE_PATCH, Node.class,
            "{'metadata':{'name':'node1'},'spec':{'taints':[{'key':'a','effect':'NoExecute'}]}}",
            "{\"spec\":{\"taints\":null}}",
            "{'metadata':{'name':'node1'},'spec':{}}"),
        new Case("debug adds an ephemeral container", PatchType.STRATEGIC_MERGE_PATCH, Pod.class,
            "{'metadata':{'name':'p1'},'spec':{'containers':[{'name':'app','image':'nginx'}]}}",
            "{\"spec\":{\"ephemeralContainers\":[{\"image\":\"busybox\",\"imagePullPolicy\":\"Always\","
                + "\"name\":\"dbg\",\"resources\":{},\"stdin\":true,\"terminationMessagePolicy\":\"File\",\"tty\":true}]}}",
            "{'metadata':{'name':'p1'},'spec':{'containers':[{'name':'app','image':'nginx'}],"
                + "'ephemeralContainers':[{'image':'busybox','imagePullPolicy':'Always','name':'dbg','resources':{},"
                + "'stdin':true,'terminationMessagePolicy':'File','tty':true}]}}"),
        new Case("rollout undo", PatchType.JSON_PATCH, Deployment.class, DEPLOYMENT,
            "[{\"op\":\"replace\",\"path\":\"/spec/template\",\"value\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"one\",\"image\":\"busybox:0\"}]}}},"
                + "{\"op\":\"replace\",\"path\":\"/metadata/annotations\",\"value\":"
                + "{\"deployment.kubernetes.io/revision\":\"3\"}}]",
            "{'metadata':{'name':'web','labels':{'a':'1','b':'2'},"
                + "'annotations':{'deployment.kubernetes.io/revision':'3'}},"
                + "'spec':{'replicas':1,'template':{'metadata':{'labels':{'app':'web'}},"
                + "'spec':{'containers':[{'name':'one','image':'busybox:0'}]}}}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void appliesWhatKubectlSends(Case c) {
    JsonNode patched = patcher.apply(c.type(), tree(c.live()), c.patch().getBytes(StandardCharsets.UTF_8), c.model());

    assertThat(patched).isEqualTo(tree(c.expected()));
  }
}
