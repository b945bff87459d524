package io.kube4j.apiserver.patch;

import static io.kube4j.apiserver.patch.Json.body;
import static io.kube4j.apiserver.patch.Json.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.kube4j.apiserver.api.Reason;
import io.kube4j.apiserver.api.StatusException;
import org.junit.jupiter.api.Test;

class PatcherTest {

  private final Patcher patcher = new Patcher();

  /** kubectl turns this 415 into "Server-side apply not available on the server". */
  @Test
  void answersServerSideApplyWithUnsupportedMediaType() {
    StatusException e = catchThrowableOfType(StatusException.class, () -> patcher.apply(PatchType.APPLY_PATCH,
        tree("{'metadata':{'name':'cfg'}}"), body("{'metadata':{'name':'cfg'}}"), ConfigMap.class));

    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_MEDIA_TYPE);
    assertThat(e.code()).isEqualTo(415);
    assertThat(e.getMessage()).isEqualTo("the body of the request was in an unknown format - accepted media types "
        + "include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json");
  }

  @Test
  void returnsEqualObjectForNoOpPatch() {
    var original = tree("{'metadata':{'name':'cfg','labels':{'a':'1'}},'data':{'k':'v'}}");

    for (PatchType type : Patcher.SUPPORTED) {
      byte[] noOp = type == PatchType.JSON_PATCH ? body("[]") : body("{'metadata':{'labels':{'a':'1'}}}");
      var patched = patcher.apply(type, original, noOp, ConfigMap.class);

      assertThat(patched).as(type.name()).isEqualTo(original).isNotSameAs(original);
    }
  }

  @Test
  void leavesStrategicDirectivesOutOfTheResult() {
    var patched = patcher.apply(PatchType.STRATEGIC_MERGE_PATCH, tree("{'spec':{'tolerations':[{'key':'a'}]}}"),
        body("{'spec':{'tolerations':[{'key':'b','$patch':'delete'},{'$retainKeys':['key'],'key':'c'}]}}"),
        io.fabric8.kubernetes.api.model.Pod.class);

    assertThat(patched).isEqualTo(tree("{'spec':{'tolerations':[{'key':'b'},{'key':'c'}]}}"));
  }
}
