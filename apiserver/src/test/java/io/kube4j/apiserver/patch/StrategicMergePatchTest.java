package io.kube4j.apiserver.patch;

import static io.kube4j.apiserver.patch.Json.body;
import static io.kube4j.apiserver.patch.Json.raw;
import static io.kube4j.apiserver.patch.Json.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.kube4j.apiserver.api.Reason;
import io.kube4j.apiserver.api.StatusException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StrategicMergePatchTest {

  private final Patcher patcher = new Patcher();

  record Case(String name, Class<?> model, String original, String patch, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String CONTAINERS_ABC =
      "{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b','image':'y'},{'name':'c','image':'z'}]}}";

  static Stream<Case> cases() {
    return Stream.of(
        // objects
        new Case("merges objects key by key", Pod.class,
            "{'metadata':{'name':'p','labels':{'a':'1','b':'2'}}}",
            "{'metadata':{'labels':{'c':'3'}}}",
            "{'metadata':{'name':'p','labels':{'a':'1','b':'2','c':'3'}}}"),
        new Case("null deletes a key", Pod.class,
            "{'metadata':{'labels':{'a':'1','b':'2'}}}",
            "{'metadata':{'labels':{'b':null}}}",
            "{'metadata':{'labels':{'a':'1'}}}"),
        new Case("null for a key the object lacks changes nothing", Pod.class,
            "{'metadata':{'labels':{'a':'1'}}}",
            "{'metadata':{'labels':{'zz':null}}}",
            "{'metadata':{'labels':{'a':'1'}}}"),
        new Case("nulls inside an added value are dropped", Pod.class,
            "{'metadata':{'name':'p'}}",
            "{'metadata':{'annotations':{'x':'1','y':null}}}",
            "{'metadata':{'name':'p','annotations':{'x':'1'}}}"),
        new Case("scalars are replaced", Pod.class,
            "{'spec':{'restartPolicy':'Always','priority':1}}",
            "{'spec':{'restartPolicy':'Never','priority':'high'}}",
            "{'spec':{'restartPolicy':'Never','priority':'high'}}"),
        new Case("$patch replace on an object replaces it", Pod.class,
            "{'metadata':{'labels':{'a':'1','b':'2'}}}",
            "{'metadata':{'labels':{'$patch':'replace','c':'3'}}}",
            "{'metadata':{'labels':{'c':'3'}}}"),
        new Case("$patch delete on an object empties it", Pod.class,
            "{'metadata':{'labels':{'a':'1'}}}",
            "{'metadata':{'labels':{'$patch':'delete'}}}",
            "{'metadata':{'labels':{}}}"),
        new Case("a field tagged replace is replaced, not merged", PodDisruptionBudget.class,
            "{'spec':{'selector':{'matchLabels':{'a':'1'},'matchExpressions':[{'key':'k','operator':'Exists'}]}}}",
            "{'spec':{'selector':{'matchLabels':{'b':'2'}}}}",
            "{'spec':{'selector':{'matchLabels':{'b':'2'}}}}"),
        new Case("$retainKeys clears the keys it does not list", Deployment.class,
            "{'spec':{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}}}}",
            "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}",
            "{'spec':{'strategy':{'type':'Recreate'}}}"),
        new Case("$retainKeys on a volume switches its source", Pod.class,
            "{'spec':{'volumes':[{'name':'data','emptyDir':{}},{'name':'other','emptyDir':{}}]}}",
            "{'spec':{'volumes':[{'$retainKeys':['configMap','name'],'name':'data','configMap':{'name':'cm'}}]}}",
            "{'spec':{'volumes':[{'name':'data','configMap':{'name':'cm'}},{'name':'other','emptyDir':{}}]}}"),
        new Case("maps of strings merge (ConfigMap data)", ConfigMap.class,
            "{'data':{'k':'v','old':'x'}}",
            "{'data':{'k':'edited','old':null}}",
            "{'data':{'k':'edited'}}"),

        // lists of objects merged by key
        new Case("containers merge by name", Pod.class,
            "{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b','image':'y'}]}}",
            "{'spec':{'containers':[{'name':'b','image':'z'}]}}",
            "{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b','image':'z'}]}}"),
        // Upstream appends it, then orders patch elements before server-only ones they cannot be
        // compared with: without $setElementOrder (which kubectl always sends) it lands first.
        new Case("an element with an unknown key value is added ahead of server-only ones", Pod.class,
            "{'spec':{'containers':[{'name':'a','image':'x'}]}}",
            "{'spec':{'containers':[{'name':'c','image':'w'}]}}",
            "{'spec':{'containers':[{'name':'c','image':'w'},{'name':'a','image':'x'}]}}"),
        new Case("patch elements keep the patch's order, server-only ones their place", Pod.class,
            CONTAINERS_ABC,
            "{'spec':{'containers':[{'name':'b','image':'y2'},{'name':'d','image':'w'}]}}",
            "{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b','image':'y2'},{'name':'d','image':'w'},"
                + "{'name':'c','image':'z'}]}}"),
        new Case("$patch delete removes the element with that key", Pod.class,
            "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}",
            "{'spec':{'containers':[{'$patch':'delete','name':'a'}]}}",
            "{'spec':{'containers':[{'name':'b'}]}}"),
        new Case("$patch replace in a list replaces the list", Pod.class,
            "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}",
            "{'spec':{'containers':[{'name':'c','image':'w'},{'$patch':'replace'}]}}",
            "{'spec':{'containers':[{'name':'c','image':'w'}]}}"),
        new Case("env merges by name inside a merged container", Pod.class,
            "{'spec':{'containers':[{'name':'a','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}]}}",
            "{'spec':{'containers':[{'name':'a','env':[{'name':'B','value':'3'},{'name':'C','value':'4'}]}]}}",
            "{'spec':{'containers':[{'name':'a','env':[{'name':'A','value':'1'},{'name':'B','value':'3'},"
                + "{'name':'C','value':'4'}]}]}}"),
        new Case("container ports merge by the numeric containerPort", Pod.class,
            "{'spec':{'containers':[{'name':'a','ports':[{'containerPort':80,'name':'http'},{'containerPort':443}]}]}}",
            "{'spec':{'containers':[{'name':'a','ports':[{'containerPort':80,'protocol':'TCP'}]}]}}",
            "{'spec':{'containers':[{'name':'a','ports':[{'containerPort':80,'name':'http','protocol':'TCP'},"
                + "{'containerPort':443}]}]}}"),
        new Case("service ports merge by port", Service.class,
            "{'spec':{'ports':[{'port':80,'targetPort':8080},{'port':443}]}}",
            "{'spec':{'ports':[{'port':80,'targetPort':9090}]}}",
            "{'spec':{'ports':[{'port':80,'targetPort':9090},{'port':443}]}}"),
        new Case("ownerReferences merge by uid", Pod.class,
            "{'metadata':{'ownerReferences':[{'uid':'u1','name':'rs1','kind':'ReplicaSet'}]}}",
            "{'metadata':{'ownerReferences':[{'uid':'u1','controller':true},{'uid':'u2','name':'x','kind':'Job'}]}}",
            "{'metadata':{'ownerReferences':[{'uid':'u1','name':'rs1','kind':'ReplicaSet','controller':true},"
                + "{'uid':'u2','name':'x','kind':'Job'}]}}"),
        new Case("node conditions merge by type", Node.class,
            "{'status':{'conditions':[{'type':'Ready','status':'False'},{'type':'MemoryPressure','status':'False'}]}}",
            "{'status':{'conditions':[{'type':'Ready','status':'True'}]}}",
            "{'status':{'conditions':[{'type':'Ready','status':'True'},{'type':'MemoryPressure','status':'False'}]}}"),

        // lists without a strategy, lists of scalars
        new Case("a list without a strategy is replaced", Pod.class,
            "{'spec':{'tolerations':[{'key':'a','operator':'Exists'}],'containers':[{'name':'a','args':['x','y']}]}}",
            "{'spec':{'tolerations':[{'key':'b','operator':'Exists'}],'containers':[{'name':'a','args':['z']}]}}",
            "{'spec':{'tolerations':[{'key':'b','operator':'Exists'}],'containers':[{'name':'a','args':['z']}]}}"),
        new Case("a merged list of scalars is a union", Pod.class,
            "{'metadata':{'finalizers':['a','b']}}",
            "{'metadata':{'finalizers':['b','c']}}",
            "{'metadata':{'finalizers':['a','b','c']}}"),
        new Case("$deleteFromPrimitiveList removes scalars", Pod.class,
            "{'metadata':{'finalizers':['a','b','c']}}",
            "{'metadata':{'$deleteFromPrimitiveList/finalizers':['a','c']}}",
            "{'metadata':{'finalizers':['b']}}"),
        new Case("$deleteFromPrimitiveList for a list the object lacks changes nothing", Pod.class,
            "{'metadata':{'name':'p'}}",
            "{'metadata':{'$deleteFromPrimitiveList/finalizers':['a']}}",
            "{'metadata':{'name':'p'}}"),

        // $setElementOrder
        new Case("$setElementOrder reorders a list", Pod.class,
            CONTAINERS_ABC,
            "{'spec':{'$setElementOrder/containers':[{'name':'c'},{'name':'a'},{'name':'b'}]}}",
            "{'spec':{'containers':[{'name':'c','image':'z'},{'name':'a','image':'x'},{'name':'b','image':'y'}]}}"),
        new Case("$setElementOrder leaves an unnamed element after its live predecessor", Pod.class,
            CONTAINERS_ABC,
            "{'spec':{'$setElementOrder/containers':[{'name':'b'},{'name':'a'}]}}",
            "{'spec':{'containers':[{'name':'b','image':'y'},{'name':'a','image':'x'},{'name':'c','image':'z'}]}}"),
        new Case("$setElementOrder interleaves unnamed elements by live order", Pod.class,
            CONTAINERS_ABC,
            "{'spec':{'$setElementOrder/containers':[{'name':'c'},{'name':'a'}]}}",
            "{'spec':{'containers':[{'name':'b','image':'y'},{'name':'c','image':'z'},{'name':'a','image':'x'}]}}"),
        new Case("$setElementOrder orders merged and added elements", Pod.class,
            "{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b','image':'y'}]}}",
            "{'spec':{'$setElementOrder/containers':[{'name':'n'},{'name':'b'},{'name':'a'}],"
                + "'containers':[{'name':'n','image':'new'},{'name':'a','image':'x2'}]}}",
            "{'spec':{'containers':[{'name':'n','image':'new'},{'name':'b','image':'y'},{'name':'a','image':'x2'}]}}"),
        new Case("$setElementOrder reorders a list of scalars", Pod.class,
            "{'metadata':{'finalizers':['a','b','c']}}",
            "{'metadata':{'$setElementOrder/finalizers':['c','b','a']}}",
            "{'metadata':{'finalizers':['c','b','a']}}"),
        new Case("a deletion beside an addition orders as upstream's in-place merge does", Pod.class,
            "{'spec':{'containers':[{'name':'1'},{'name':'2','image':'b'},{'name':'4','image':'c'}]}}",
            "{'spec':{'$setElementOrder/containers':[{'name':'2'},{'name':'3'}],"
                + "'containers':[{'name':'3'},{'$patch':'delete','name':'1'}]}}",
            "{'spec':{'containers':[{'name':'2','image':'b'},{'name':'4','image':'c'},{'name':'3'}]}}"),

        // directives where upstream does not apply them
        new Case("directives inside an added list are dropped", Pod.class,
            "{'spec':{'containers':[{'name':'a'}]}}",
            "{'spec':{'initContainers':[{'$patch':'delete','name':'x'},{'name':'y','image':'i'}]}}",
            "{'spec':{'containers':[{'name':'a'}],'initContainers':[{'name':'y','image':'i'}]}}"),
        new Case("a field the model does not know merges without a strategy", Pod.class,
            "{'spec':{'futureField':{'a':1,'list':[1,2]}}}",
            "{'spec':{'futureField':{'b':2,'list':[3]}}}",
            "{'spec':{'futureField':{'a':1,'b':2,'list':[3]}}}"),
        new Case("a null patch changes nothing", Pod.class,
            "{'metadata':{'name':'p'}}",
            "null",
            "{'metadata':{'name':'p'}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void appliesStrategicMergePatch(Case c) {
    JsonNode original = tree(c.original());
    JsonNode before = original.deepCopy();

    JsonNode patched = patcher.apply(PatchType.STRATEGIC_MERGE_PATCH, original, body(c.patch()), c.model());

    assertThat(patched).isEqualTo(tree(c.expected()));
    assertThat(original).as("original untouched").isEqualTo(before);
  }

  record ErrorCase(String name, String original, byte[] patch, Reason reason, int code, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String UNPROCESSABLE = "the server rejected our request due to an error in our request";

  static Stream<ErrorCase> errors() {
    String containers = "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}";
    return Stream.of(
        new ErrorCase("malformed JSON is a bad request", "{}", raw("{\"a\":}"),
            Reason.BAD_REQUEST, 400, "invalid character '}' looking for beginning of value"),
        new ErrorCase("an empty body is a bad request", "{}", raw(""),
            Reason.BAD_REQUEST, 400, "unexpected end of JSON input"),
        new ErrorCase("a patch that is not an object is a bad request", "{}", raw("[1]"),
            Reason.BAD_REQUEST, 400, "json: cannot unmarshal array into Go value of type map[string]interface {}"),
        new ErrorCase("an unknown $patch directive on an object", "{'metadata':{'labels':{}}}",
            body("{'metadata':{'labels':{'$patch':'bogus'}}}"),
            Reason.INTERNAL_ERROR, 500, "unknown patch type: bogus in map: map[$patch:bogus]"),
        new ErrorCase("an unknown $patch directive in a list", containers,
            body("{'spec':{'containers':[{'$patch':'retain','name':'a'}]}}"),
            Reason.INTERNAL_ERROR, 500, "unknown patch type: retain in map: map[$patch:retain name:a]"),
        new ErrorCase("$patch merge in a list", containers,
            body("{'spec':{'containers':[{'$patch':'merge','name':'a'}]}}"),
            Reason.INTERNAL_ERROR, 500, "merging lists cannot yet be specified in the patch"),
        new ErrorCase("a delete directive without the merge key", containers,
            body("{'spec':{'containers':[{'$patch':'delete'}]}}"),
            Reason.INTERNAL_ERROR, 500, "map: map[$patch:delete] does not contain declared merge key: name"),
        new ErrorCase("a list element without the merge key", containers,
            body("{'spec':{'containers':[{'image':'x'}]}}"),
            Reason.INTERNAL_ERROR, 500, "map: map[image:x] does not contain declared merge key: name"),
        new ErrorCase("$setElementOrder that is not a list", containers,
            body("{'spec':{'$setElementOrder/containers':'a'}}"),
            Reason.INTERNAL_ERROR, 500, "expected a []interface {}, but received a string"),
        new ErrorCase("$setElementOrder without a list name", containers,
            body("{'spec':{'$setElementOrder':[{'name':'a'}]}}"),
            Reason.BAD_REQUEST, 400, "invalid patch format of setElementOrder list"),
        new ErrorCase("$setElementOrder out of step with the patch list", containers,
            body("{'spec':{'$setElementOrder/containers':[{'name':'a'},{'name':'b'}],"
                + "'containers':[{'name':'b','image':'1'},{'name':'a','image':'2'}]}}"),
            Reason.INTERNAL_ERROR, 500, "The order in patch list:\n[map[image:1 name:b] map[image:2 name:a]]\n"
                + " doesn't match $setElementOrder list:\n[map[name:a] map[name:b]]\n"),
        new ErrorCase("$deleteFromPrimitiveList without a list name", "{'metadata':{'finalizers':['a']}}",
            body("{'metadata':{'$deleteFromPrimitiveList':['a']}}"),
            Reason.BAD_REQUEST, 400, "invalid patch format of primitive list"),
        new ErrorCase("$retainKeys that is not a list", "{'spec':{'strategy':{}}}",
            body("{'spec':{'strategy':{'$retainKeys':'type','type':'Recreate'}}}"),
            Reason.BAD_REQUEST, 400, "invalid patch format of retainKeys"),
        new ErrorCase("$retainKeys missing a key the patch sets", "{'spec':{'strategy':{}}}",
            body("{'spec':{'strategy':{'$retainKeys':['rollingUpdate'],'type':'Recreate'}}}"),
            Reason.BAD_REQUEST, 400, "invalid patch format of retainKeys"),
        new ErrorCase("a merged list of lists", "{'metadata':{'finalizers':[]}}",
            body("{'metadata':{'finalizers':[['a']]}}"),
            Reason.INVALID, 422, UNPROCESSABLE),
        new ErrorCase("a merged list mixing element types", "{'metadata':{'finalizers':['x']}}",
            body("{'metadata':{'finalizers':[1]}}"),
            Reason.INTERNAL_ERROR, 500, "list element types are not identical: [[x] [1]]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void rejectsBadPatchAsKubernetesDoes(ErrorCase c) {
    Class<?> model = c.original().contains("strategy") ? Deployment.class : Pod.class;

    StatusException e = catchThrowableOfType(StatusException.class,
        () -> patcher.apply(PatchType.STRATEGIC_MERGE_PATCH, tree(c.original()), c.patch(), model));

    assertThat(e).as("throws").isNotNull();
    assertThat(e.reason()).isEqualTo(c.reason());
    assertThat(e.code()).isEqualTo(c.code());
    assertThat(e.getMessage()).isEqualTo(c.message());
  }

  @Test
  void refusesStrategicMergePatchForObjectsWithoutModel() {
    StatusException e = catchThrowableOfType(StatusException.class,
        () -> patcher.apply(PatchType.STRATEGIC_MERGE_PATCH, tree("{'spec':{}}"), body("{'spec':{'a':1}}"), null));

    assertThat(e.code()).isEqualTo(400);
    assertThat(e.getMessage()).isEqualTo("strategic merge patch format is not supported");
  }
}
