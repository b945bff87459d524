package io.kube4j.apiserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kube4j.apiserver.endpoints.KubernetesPatches;
import io.kube4j.apiserver.endpoints.KubernetesSelectors;
import io.kube4j.apiserver.endpoints.OpenApiSource;
import io.kube4j.apiserver.endpoints.PrintingTableConvertor;
import io.kube4j.apiserver.openapi.OpenApiV3;
import io.kube4j.apiserver.openapi.PatchMetaSource;
import io.kube4j.apiserver.patch.PatchStrategies;
import io.kube4j.apiserver.printers.TablePrinters;
import io.kube4j.apiserver.registry.ApiResource;
import io.kube4j.apiserver.registry.builtin.BuiltinResources;
import io.kube4j.apiserver.registry.builtin.BuiltinStrategies;
import io.kube4j.apiserver.runtime.protobuf.ProtobufDecoder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in API: every resource of {@link BuiltinResources} with its strategy, the printers,
 * patch support and the OpenAPI documents generated from the model classes.
 */
public final class BuiltinApi {

  private BuiltinApi() {}

  public static ApiServer.Parts parts() {
    BuiltinStrategies strategies = new BuiltinStrategies();
    List<ApiServer.Registration<?>> resources = new ArrayList<>();
    for (ApiResource r : BuiltinResources.RESOURCES) {
      resources.add(registration(r, r.type(), strategies));
    }
    ObjectMapper json = new ObjectMapper();
    return new ApiServer.Parts(resources, new KubernetesSelectors(), new KubernetesPatches(),
        new ProtobufDecoder()::decode,
        new PrintingTableConvertor(TablePrinters.kubernetes(), json, Clock.systemUTC()),
        served -> openapi(served, json));
  }

  private static <T extends HasMetadata> ApiServer.Registration<T> registration(ApiResource r, Class<T> type,
      BuiltinStrategies strategies) {
    return new ApiServer.Registration<>(r, type, strategies.forType(type));
  }

  /** OpenAPI v3 generated from the model classes, with the strategic-merge facts of the patch package. */
  private static OpenApiSource openapi(List<ApiResource> served, ObjectMapper json) {
    PatchMetaSource patchMeta = (owner, field) -> PatchStrategies.lookup(owner, field)
        .map(m -> new PatchMetaSource.PatchMeta(m.strategy(), m.mergeKey()));
    OpenApiV3 v3 = new OpenApiV3(served, patchMeta, json);
    return new OpenApiSource() {
      @Override
      public byte[] index() {
        return v3.index();
      }

      @Override
      public Optional<Document> document(String gvPath) {
        return v3.document(gvPath).map(d -> new Document(d.json(), d.hash()));
      }
    };
  }
}
