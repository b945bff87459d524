package io.kube4j.apiserver.openapi;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentList;
import io.kube4j.apiserver.registry.ApiResource;
import io.kube4j.apiserver.registry.ApiResource.Subresource;
import io.kube4j.apiserver.registry.ApiResource.Verb;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The resources the OpenAPI tests serve, declared as the registry would. */
final class TestResources {

  private static final Set<Verb> GET_UPDATE_PATCH = EnumSet.of(Verb.GET, Verb.UPDATE, Verb.PATCH);

  static final ApiResource PODS = new ApiResource("", "v1", "pods", "pod", "Pod", true,
      List.of("po"), List.of("all"), ApiResource.ALL_VERBS,
      List.of(
          new Subresource("status", "", "", "", GET_UPDATE_PATCH),
          new Subresource("binding", "", "v1", "Binding", EnumSet.of(Verb.CREATE)),
          new Subresource("eviction", "policy", "v1", "Eviction", EnumSet.of(Verb.CREATE)),
          new Subresource("log", "", "", "", EnumSet.of(Verb.GET)),
          new Subresource("exec", "", "", "", EnumSet.of(Verb.GET, Verb.CREATE))),
      Pod.class, PodList.class);

  static final ApiResource CONFIG_MAPS = new ApiResource("", "v1", "configmaps", "configmap",
      "ConfigMap", true, List.of("cm"), List.of(), ApiResource.ALL_VERBS, List.of(),
      ConfigMap.class, ConfigMapList.class);

  static final ApiResource NAMESPACES = new ApiResource("", "v1", "namespaces", "namespace",
      "Namespace", false, List.of("ns"), List.of(),
      EnumSet.complementOf(EnumSet.of(Verb.DELETECOLLECTION)),
      List.of(new Subresource("status", "", "", "", GET_UPDATE_PATCH),
          new Subresource("finalize", "", "", "", EnumSet.of(Verb.UPDATE))),
      Namespace.class, NamespaceList.class);

  static final ApiResource DEPLOYMENTS = new ApiResource("apps", "v1", "deployments",
      "deployment", "Deployment", true, List.of("deploy"), List.of("all"), ApiResource.ALL_VERBS,
      List.of(new Subresource("status", "", "", "", GET_UPDATE_PATCH),
          new Subresource("scale", "autoscaling", "v1", "Scale", GET_UPDATE_PATCH)),
      Deployment.class, DeploymentList.class);

  static final List<ApiResource> ALL = List.of(PODS, CONFIG_MAPS, NAMESPACES, DEPLOYMENTS);

  private TestResources() {}
}
