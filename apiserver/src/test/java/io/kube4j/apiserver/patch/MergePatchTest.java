package io.kube4j.apiserver.patch;

import static io.kube4j.apiserver.patch.Json.body;
import static io.kube4j.apiserver.patch.Json.raw;
import static io.kube4j.apiserver.patch.Json.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.apiserver.api.Reason;
import io.kube4j.apiserver.api.StatusException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MergePatchTest {

  private final Patcher patcher = new Patcher();

  record Case(String name, String original, String patch, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("merges objects recursively", "{'metadata':{'labels':{'a':'1'}},'spec':{'x':1}}",
            "{'metadata':{'labels':{'b':'2'}}}", "{'metadata':{'labels':{'a':'1','b':'2'}},'spec':{'x':1}}"),
        new Case("null deletes a member", "{'metadata':{'labels':{'a':'1','b':'2'}}}",
            "{'metadata':{'labels':{'b':null}}}", "{'metadata':{'labels':{'a':'1'}}}"),
        new Case("null for a missing member changes nothing", "{'a':1}", "{'b':null}", "{'a':1}"),
        new Case("nulls inside an added object are dropped", "{'a':1}", "{'b':{'c':null,'d':2}}",
            "{'a':1,'b':{'d':2}}"),
        new Case("lists are replaced, merge keys or not",
            "{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b'}]}}",
            "{'spec':{'containers':[{'name':'a','image':'y'}]}}",
            "{'spec':{'containers':[{'name':'a','image':'y'}]}}"),
        new Case("nulls inside a list are kept", "{'a':[1]}", "{'a':[null,{'b':null}]}", "{'a':[null,{'b':null}]}"),
        new Case("an object replaces a scalar", "{'a':1}", "{'a':{'b':null,'c':1}}", "{'a':{'c':1}}"),
        new Case("strategic directives have no meaning", "{'a':{'b':1}}", "{'a':{'$patch':'delete'}}",
            "{'a':{'b':1,'$patch':'delete'}}"),
        new Case("an empty patch changes nothing", "{'a':1}", "{}", "{'a':1}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void appliesMergePatch(Case c) {
    JsonNode original = tree(c.original());

    JsonNode patched = patcher.apply(PatchType.MERGE_PATCH, original, body(c.patch()), Pod.class);

    assertThat(patched).isEqualTo(tree(c.expected()));
    assertThat(original).isEqualTo(tree(c.original()));
  }

  record ErrorCase(String name, byte[] patch, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<ErrorCase> errors() {
    return Stream.of(
        new ErrorCase("malformed JSON", raw("{\"a\" 1}"),
            "error decoding patch: invalid character '1' after object key"),
        new ErrorCase("an empty body", raw(""), "error decoding patch: unexpected end of JSON input"),
        new ErrorCase("a null patch", raw("null"), "Invalid JSON Patch"),
        new ErrorCase("a list", raw("[1]"),
            "error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}"),
        new ErrorCase("a string", raw("\"x\""),
            "error decoding patch: json: cannot unmarshal string into Go value of type map[string]interface {}"),
        new ErrorCase("trailing garbage", raw("{}x"), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void rejectsBadPatchAsBadRequest(ErrorCase c) {
    StatusException e = catchThrowableOfType(StatusException.class,
        () -> patcher.apply(PatchType.MERGE_PATCH, tree("{'a':1}"), c.patch(), Pod.class));

    assertThat(e).as("throws").isNotNull();
    assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
    assertThat(e.code()).isEqualTo(400);
    if (c.message() != null) {
      assertThat(e.getMessage()).isEqualTo(c.message());
    }
  }
}
