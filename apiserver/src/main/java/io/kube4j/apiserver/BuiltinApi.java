package io.kube4j.apiserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretList;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.endpoints.OpenApiSource;
import io.kube4j.apiserver.openapi.OpenApiV3;
import io.kube4j.apiserver.openapi.PatchMetaSource;
import io.kube4j.apiserver.patch.PatchStrategies;
import io.kube4j.apiserver.endpoints.KubernetesPatches;
import io.kube4j.apiserver.endpoints.KubernetesSelectors;
import io.kube4j.apiserver.endpoints.PrintingTableConvertor;
import io.kube4j.apiserver.printers.TablePrinters;
import io.kube4j.apiserver.endpoints.negotiation.BodyDecoder;
import io.kube4j.apiserver.registry.ApiResource;
import io.kube4j.apiserver.registry.ApiResource.Subresource;
import io.kube4j.apiserver.registry.generic.MetadataValidation;
import io.kube4j.apiserver.registry.generic.Strategy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of the built-in API: which resources are served and with which strategies, printers,
 * patch and protobuf support. (Being filled in: the per-resource strategies, selectors, printers,
 * strategic merge patch, protobuf and OpenAPI arrive from their own packages.)
 */
public final class BuiltinApi {

  private BuiltinApi() {}

  public static ApiServer.Parts parts() {
    List<ApiServer.Registration<?>> resources = new ArrayList<>();
    resources.add(reg("", "namespaces", "namespace", "Namespace", false, List.of("ns"), List.of(),
        Namespace.class, NamespaceList.class, List.of("status", "finalize")));
    resources.add(reg("", "configmaps", "configmap", "ConfigMap", true, List.of("cm"), List.of(),
        ConfigMap.class, ConfigMapList.class, List.of()));
    resources.add(reg("", "secrets", "secret", "Secret", true, List.of(), List.of(),
        Secret.class, SecretList.class, List.of()));
    resources.add(reg("", "pods", "pod", "Pod", true, List.of("po"), List.of("all"),
        Pod.class, PodList.class, List.of("status", "binding")));
    resources.add(reg("", "services", "service", "Service", true, List.of("svc"), List.of("all"),
        io.fabric8.kubernetes.api.model.Service.class, io.fabric8.kubernetes.api.model.ServiceList.class,
        List.of("status")));
    resources.add(reg("", "endpoints", "endpoints", "Endpoints", true, List.of("ep"), List.of(),
        io.fabric8.kubernetes.api.model.Endpoints.class, io.fabric8.kubernetes.api.model.EndpointsList.class,
        List.of()));
    ObjectMapper json = new ObjectMapper();
    return new ApiServer.Parts(resources, metadataValidation(), new KubernetesSelectors(),
        new KubernetesPatches(),
        (body, apiVersion, kind) -> {
          throw StatusException.unsupportedMediaType(BodyDecoder.PROTOBUF);
        },
        new PrintingTableConvertor(TablePrinters.kubernetes(), json, java.time.Clock.systemUTC()),
        served -> openapi(served, json));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T extends HasMetadata> ApiServer.Registration<T> reg(String group, String resource, String singular,
      String kind, boolean namespaced, List<String> shortNames, List<String> categories, Class<T> type,
      Class<? extends KubernetesResourceList> listType, List<String> subresources) {
    List<Subresource> subs = subresources.stream().map(s -> new Subresource(s, group, "v1", kind,
        s.equals("finalize") ? Set.of(ApiResource.Verb.UPDATE)
            : s.equals("binding") ? Set.of(ApiResource.Verb.CREATE)
            : Set.of(ApiResource.Verb.GET, ApiResource.Verb.PATCH, ApiResource.Verb.UPDATE))).toList();
    ApiResource r = new ApiResource(group, "v1", resource, singular, kind, namespaced, shortNames, categories,
        ApiResource.ALL_VERBS, subs, type, (Class) listType);
    return new ApiServer.Registration<>(r, type, new Strategy<T>() { });
  }

  private static MetadataValidation metadataValidation() {
    return new MetadataValidation() {
      @Override
      public List<FieldError> validateCreate(ApiResource resource, HasMetadata obj) {
        String name = obj.getMetadata().getName();
        if (name == null || name.isEmpty()) {
          return List.of(FieldError.required("metadata.name", "name or generateName is required"));
        }
        return List.of();
      }

      @Override
      public List<FieldError> validateUpdate(ApiResource resource, HasMetadata obj, HasMetadata old) {
        return List.of();
      }
    };
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
