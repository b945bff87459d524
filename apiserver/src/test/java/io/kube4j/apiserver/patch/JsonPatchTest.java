package io.kube4j.apiserver.patch;

import static io.kube4j.apiserver.patch.Json.body;
import static io.kube4j.apiserver.patch.Json.raw;
import static io.kube4j.apiserver.patch.Json.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.kube4j.apiserver.api.Reason;
import io.kube4j.apiserver.api.StatusException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonPatchTest {

  private final Patcher patcher = new Patcher();

  private static final String ORIGINAL =
      "{'metadata':{'name':'cfg','annotations':{'a/b':'1'}},'data':{'k':'v'},'list':[1,2]}";

  record Case(String name, String patch, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("add a member", "[{'op':'add','path':'/data/n','value':'w'}]",
            "{'metadata':{'name':'cfg','annotations':{'a/b':'1'}},'data':{'k':'v','n':'w'},'list':[1,2]}"),
        new Case("add appends to a list with -", "[{'op':'add','path':'/list/-','value':3}]",
            "{'metadata':{'name':'cfg','annotations':{'a/b':'1'}},'data':{'k':'v'},'list':[1,2,3]}"),
        new Case("add inserts into a list at an index", "[{'op':'add','path':'/list/0','value':0}]",
            "{'metadata':{'name':'cfg','annotations':{'a/b':'1'}},'data':{'k':'v'},'list':[0,1,2]}"),
        new Case("remove", "[{'op':'remove','path':'/data/k'}]",
            "{'metadata':{'name':'cfg','annotations':{'a/b':'1'}},'data':{},'list':[1,2]}"),
        new Case("replace a key escaped with ~1", "[{'op':'replace','path':'/metadata/annotations/a~1b','value':'2'}]",
            "{'metadata':{'name':'cfg','annotations':{'a/b':'2'}},'data':{'k':'v'},'list':[1,2]}"),
        new Case("move", "[{'op':'move','from':'/data/k','path':'/data/m'}]",
            "{'metadata':{'name':'cfg','annotations':{'a/b':'1'}},'data':{'m':'v'},'list':[1,2]}"),
        new Case("copy", "[{'op':'copy','from':'/data/k','path':'/data/c'}]",
            "{'metadata':{'name':'cfg','annotations':{'a/b':'1'}},'data':{'k':'v','c':'v'},'list':[1,2]}"),
        new Case("a passing test lets the rest apply",
            "[{'op':'test','path':'/data/k','value':'v'},{'op':'remove','path':'/list'}]",
            "{'metadata':{'name':'cfg','annotations':{'a/b':'1'}},'data':{'k':'v'}}"),
        new Case("an empty patch changes nothing", "[]", ORIGINAL),
        new Case("a null patch changes nothing", "null", ORIGINAL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void appliesJsonPatch(Case c) {
    JsonNode original = tree(ORIGINAL);

    JsonNode patched = patcher.apply(PatchType.JSON_PATCH, original, body(c.patch()), ConfigMap.class);

    assertThat(patched).isEqualTo(tree(c.expected()));
    assertThat(original).isEqualTo(tree(ORIGINAL));
  }

  record ErrorCase(String name, byte[] patch, Reason reason, int code, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String UNPROCESSABLE = "the server rejected our request due to an error in our request";

  static Stream<ErrorCase> errors() {
    return Stream.of(
        new ErrorCase("malformed JSON", raw("[{\"op\":\"add\",}]"), Reason.BAD_REQUEST, 400,
            "error decoding patch: invalid character '}' looking for beginning of object key string"),
        new ErrorCase("an object instead of a list", body("{'op':'add'}"), Reason.BAD_REQUEST, 400,
            "error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp"),
        new ErrorCase("a string as an operation", body("['add']"), Reason.BAD_REQUEST, 400,
            "error decoding patch: json: cannot unmarshal string into Go value of type handlers.jsonPatchOp"),
        new ErrorCase("a number as op", body("[{'op':1,'path':'/a'}]"), Reason.BAD_REQUEST, 400,
            "error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.op of type string"),
        new ErrorCase("removing a missing path", body("[{'op':'remove','path':'/data/nope'}]"),
            Reason.INVALID, 422, UNPROCESSABLE),
        new ErrorCase("replacing a missing path", body("[{'op':'replace','path':'/nope','value':1}]"),
            Reason.INVALID, 422, UNPROCESSABLE),
        new ErrorCase("adding below a missing parent", body("[{'op':'add','path':'/a/b','value':1}]"),
            Reason.INVALID, 422, UNPROCESSABLE),
        new ErrorCase("a failing test", body("[{'op':'test','path':'/data/k','value':'other'}]"),
            Reason.INVALID, 422, UNPROCESSABLE),
        new ErrorCase("an unknown operation", body("[{'op':'bogus','path':'/data/k'}]"),
            Reason.INVALID, 422, UNPROCESSABLE),
        new ErrorCase("an operation without a path", body("[{'op':'add','value':1}]"),
            Reason.INVALID, 422, UNPROCESSABLE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void rejectsBadPatchAsKubernetesDoes(ErrorCase c) {
    StatusException e = catchThrowableOfType(StatusException.class,
        () -> patcher.apply(PatchType.JSON_PATCH, tree(ORIGINAL), c.patch(), ConfigMap.class));

    assertThat(e).as("throws").isNotNull();
    assertThat(e.reason()).isEqualTo(c.reason());
    assertThat(e.code()).isEqualTo(c.code());
    assertThat(e.getMessage()).isEqualTo(c.message());
  }

  @Test
  void rejectsMoreThanTenThousandOperations() {
    StringBuilder ops = new StringBuilder("[");
    for (int i = 0; i <= 10000; i++) {
      ops.append(i == 0 ? "" : ",").append("{\"op\":\"test\",\"path\":\"/data/k\",\"value\":\"v\"}");
    }
    byte[] patch = raw(ops.append("]").toString());

    StatusException e = catchThrowableOfType(StatusException.class,
        () -> patcher.apply(PatchType.JSON_PATCH, tree(ORIGINAL), patch, ConfigMap.class));

    assertThat(e.code()).isEqualTo(413);
    assertThat(e.getMessage()).isEqualTo(
        "Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001");
  }

  @Test
  void rejectsReplacingTheObjectWithSomethingElse() {
    StatusException e = catchThrowableOfType(StatusException.class, () -> patcher.apply(PatchType.JSON_PATCH,
        tree(ORIGINAL), body("[{'op':'replace','path':'','value':[1]}]"), ConfigMap.class));

    assertThat(e.reason()).isEqualTo(Reason.INVALID);
    assertThat(e.getMessage()).startsWith(" \"\" is invalid: patch: Invalid value: \"[1]\": "
        + "couldn't get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct");
  }
}
