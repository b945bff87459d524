package io.kube4j.apiserver.registry.builtin;

import static io.kube4j.apiserver.registry.ApiResource.Verb.CREATE;
import static io.kube4j.apiserver.registry.ApiResource.Verb.DELETE;
import static io.kube4j.apiserver.registry.ApiResource.Verb.GET;
import static io.kube4j.apiserver.registry.ApiResource.Verb.LIST;
import static io.kube4j.apiserver.registry.ApiResource.Verb.PATCH;
import static io.kube4j.apiserver.registry.ApiResource.Verb.UPDATE;
import static io.kube4j.apiserver.registry.ApiResource.Verb.WATCH;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.kube4j.apiserver.registry.ApiResource;
import io.kube4j.apiserver.registry.ApiResource.Subresource;
import io.kube4j.apiserver.registry.ApiResource.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every built-in resource as discovery describes it in Kubernetes v1.32: names, short names (what
 * {@code kubectl get deploy} resolves), the {@code all} category (what {@code kubectl get all} lists),
 * verbs and subresources with their request kinds ({@code deployments/scale} speaks
 * {@code autoscaling/v1 Scale}). Order is discovery order: core first, then groups as upstream lists them.
 */
public final class BuiltinResources {

  private static final Set<Verb> STATUS_VERBS = Set.of(GET, PATCH, UPDATE);
  private static final Set<Verb> PROXY_VERBS = Set.of(CREATE, DELETE, GET, PATCH, UPDATE);
  private static final Set<Verb> ALL_BUT_DELETECOLLECTION = Set.of(CREATE, DELETE, GET, LIST, PATCH, UPDATE, WATCH);
  private static final List<String> ALL = List.of("all");
  private static final String RBAC = "rbac.authorization.k8s.io";

  /** Every built-in resource, in discovery order. */
  public static final List<ApiResource> RESOURCES = List.of(
      // core/v1
      core("configmaps", "ConfigMap", true, List.of("cm"), List.of(), ApiResource.ALL_VERBS, List.of(),
          io.fabric8.kubernetes.api.model.ConfigMap.class, io.fabric8.kubernetes.api.model.ConfigMapList.class),
      core("endpoints", "Endpoints", true, List.of("ep"), List.of(), ApiResource.ALL_VERBS, List.of(),
          io.fabric8.kubernetes.api.model.Endpoints.class, io.fabric8.kubernetes.api.model.EndpointsList.class),
      core("events", "Event", true, List.of("ev"), List.of(), ApiResource.ALL_VERBS, List.of(),
          io.fabric8.kubernetes.api.model.Event.class, io.fabric8.kubernetes.api.model.EventList.class),
      core("limitranges", "LimitRange", true, List.of("limits"), List.of(), ApiResource.ALL_VERBS, List.of(),
          io.fabric8.kubernetes.api.model.LimitRange.class, io.fabric8.kubernetes.api.model.LimitRangeList.class),
      core("namespaces", "Namespace", false, List.of("ns"), List.of(), ALL_BUT_DELETECOLLECTION,
          List.of(sub("finalize", "", "v1", "Namespace", Set.of(UPDATE)), status("", "Namespace")),
          io.fabric8.kubernetes.api.model.Namespace.class, io.fabric8.kubernetes.api.model.NamespaceList.class),
      core("nodes", "Node", false, List.of("no"), List.of(), ApiResource.ALL_VERBS,
          List.of(sub("proxy", "", "v1", "NodeProxyOptions", PROXY_VERBS), status("", "Node")),
          io.fabric8.kubernetes.api.model.Node.class, io.fabric8.kubernetes.api.model.NodeList.class),
      core("persistentvolumeclaims", "PersistentVolumeClaim", true, List.of("pvc"), List.of(), ApiResource.ALL_VERBS,
          List.of(status("", "PersistentVolumeClaim")), io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class,
          io.fabric8.kubernetes.api.model.PersistentVolumeClaimList.class),
      core("persistentvolumes", "PersistentVolume", false, List.of("pv"), List.of(), ApiResource.ALL_VERBS,
          List.of(status("", "PersistentVolume")), io.fabric8.kubernetes.api.model.PersistentVolume.class,
          io.fabric8.kubernetes.api.model.PersistentVolumeList.class),
      core("pods", "Pod", true, List.of("po"), ALL, ApiResource.ALL_VERBS, List.of(
              sub("attach", "", "v1", "PodAttachOptions", Set.of(CREATE, GET)),
              sub("binding", "", "v1", "Binding", Set.of(CREATE)),
              sub("ephemeralcontainers", "", "v1", "Pod", STATUS_VERBS),
              sub("eviction", "policy", "v1", "Eviction", Set.of(CREATE)),
              sub("exec", "", "v1", "PodExecOptions", Set.of(CREATE, GET)),
              sub("log", "", "v1", "Pod", Set.of(GET)),
              sub("portforward", "", "v1", "PodPortForwardOptions", Set.of(CREATE, GET)),
              sub("proxy", "", "v1", "PodProxyOptions", PROXY_VERBS),
              status("", "Pod")),
          io.fabric8.kubernetes.api.model.Pod.class, io.fabric8.kubernetes.api.model.PodList.class),
      core("podtemplates", "PodTemplate", true, List.of(), List.of(), ApiResource.ALL_VERBS, List.of(),
          io.fabric8.kubernetes.api.model.PodTemplate.class, io.fabric8.kubernetes.api.model.PodTemplateList.class),
      core("replicationcontrollers", "ReplicationController", true, List.of("rc"), ALL, ApiResource.ALL_VERBS,
          List.of(scale(), status("", "ReplicationController")),
          io.fabric8.kubernetes.api.model.ReplicationController.class,
          io.fabric8.kubernetes.api.model.ReplicationControllerList.class),
      core("resourcequotas", "ResourceQuota", true, List.of("quota"), List.of(), ApiResource.ALL_VERBS,
          List.of(status("", "ResourceQuota")), io.fabric8.kubernetes.api.model.ResourceQuota.class,
          io.fabric8.kubernetes.api.model.ResourceQuotaList.class),
      core("secrets", "Secret", true, List.of(), List.of(), ApiResource.ALL_VERBS, List.of(),
          io.fabric8.kubernetes.api.model.Secret.class, io.fabric8.kubernetes.api.model.SecretList.class),
      core("serviceaccounts", "ServiceAccount", true, List.of("sa"), List.of(), ApiResource.ALL_VERBS,
          List.of(sub("token", "authentication.k8s.io", "v1", "TokenRequest", Set.of(CREATE))),
          io.fabric8.kubernetes.api.model.ServiceAccount.class, io.fabric8.kubernetes.api.model.ServiceAccountList.class),
      core("services", "Service", true, List.of("svc"), ALL, ApiResource.ALL_VERBS,
          List.of(sub("proxy", "", "v1", "ServiceProxyOptions", PROXY_VERBS), status("", "Service")),
          io.fabric8.kubernetes.api.model.Service.class, io.fabric8.kubernetes.api.model.ServiceList.class),
      // apps/v1
      of("apps", "controllerrevisions", "ControllerRevision", List.of(), List.of(), List.of(),
          io.fabric8.kubernetes.api.model.apps.ControllerRevision.class,
          io.fabric8.kubernetes.api.model.apps.ControllerRevisionList.class),
      of("apps", "daemonsets", "DaemonSet", List.of("ds"), ALL, List.of(status("apps", "DaemonSet")),
          io.fabric8.kubernetes.api.model.apps.DaemonSet.class, io.fabric8.kubernetes.api.model.apps.DaemonSetList.class),
      of("apps", "deployments", "Deployment", List.of("deploy"), ALL, List.of(scale(), status("apps", "Deployment")),
          io.fabric8.kubernetes.api.model.apps.Deployment.class, io.fabric8.kubernetes.api.model.apps.DeploymentList.class),
      of("apps", "replicasets", "ReplicaSet", List.of("rs"), ALL, List.of(scale(), status("apps", "ReplicaSet")),
          io.fabric8.kubernetes.api.model.apps.ReplicaSet.class, io.fabric8.kubernetes.api.model.apps.ReplicaSetList.class),
      of("apps", "statefulsets", "StatefulSet", List.of("sts"), ALL, List.of(scale(), status("apps", "StatefulSet")),
          io.fabric8.kubernetes.api.model.apps.StatefulSet.class,
          io.fabric8.kubernetes.api.model.apps.StatefulSetList.class),
      // batch/v1
      of("batch", "cronjobs", "CronJob", List.of("cj"), ALL, List.of(status("batch", "CronJob")),
          io.fabric8.kubernetes.api.model.batch.v1.CronJob.class,
          io.fabric8.kubernetes.api.model.batch.v1.CronJobList.class),
      of("batch", "jobs", "Job", List.of(), ALL, List.of(status("batch", "Job")),
          io.fabric8.kubernetes.api.model.batch.v1.Job.class, io.fabric8.kubernetes.api.model.batch.v1.JobList.class),
      // certificates.k8s.io/v1
      new ApiResource("certificates.k8s.io", "v1", "certificatesigningrequests", "certificatesigningrequest",
          "CertificateSigningRequest", false, List.of("csr"), List.of(), ApiResource.ALL_VERBS,
          List.of(sub("approval", "certificates.k8s.io", "v1", "CertificateSigningRequest", STATUS_VERBS),
              status("certificates.k8s.io", "CertificateSigningRequest")),
          io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest.class,
          io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestList.class),
      // coordination.k8s.io/v1
      of("coordination.k8s.io", "leases", "Lease", List.of(), List.of(), List.of(),
          io.fabric8.kubernetes.api.model.coordination.v1.Lease.class,
          io.fabric8.kubernetes.api.model.coordination.v1.LeaseList.class),
      // discovery.k8s.io/v1
      of("discovery.k8s.io", "endpointslices", "EndpointSlice", List.of(), List.of(), List.of(),
          io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice.class,
          io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceList.class),
      // events.k8s.io/v1
      of("events.k8s.io", "events", "Event", List.of("ev"), List.of(), List.of(),
          io.fabric8.kubernetes.api.model.events.v1.Event.class,
          io.fabric8.kubernetes.api.model.events.v1.EventList.class),
      // policy/v1
      of("policy", "poddisruptionbudgets", "PodDisruptionBudget", List.of("pdb"), List.of(),
          List.of(status("policy", "PodDisruptionBudget")),
          io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class,
          io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetList.class),
      // admissionregistration.k8s.io/v1
      new ApiResource("admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations",
          "mutatingwebhookconfiguration", "MutatingWebhookConfiguration", false, List.of(), List.of("api-extensions"),
          ApiResource.ALL_VERBS, List.of(),
          io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration.class,
          io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationList.class),
      new ApiResource("admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations",
          "validatingwebhookconfiguration", "ValidatingWebhookConfiguration", false, List.of(),
          List.of("api-extensions"), ApiResource.ALL_VERBS, List.of(),
          io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration.class,
          io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationList.class),
      // rbac.authorization.k8s.io/v1
      new ApiResource(RBAC, "v1", "clusterrolebindings", "clusterrolebinding", "ClusterRoleBinding", false,
          List.of(), List.of(), ApiResource.ALL_VERBS, List.of(),
          io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding.class,
          io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingList.class),
      new ApiResource(RBAC, "v1", "clusterroles", "clusterrole", "ClusterRole", false,
          List.of(), List.of(), ApiResource.ALL_VERBS, List.of(),
          io.fabric8.kubernetes.api.model.rbac.ClusterRole.class,
          io.fabric8.kubernetes.api.model.rbac.ClusterRoleList.class),
      of(RBAC, "rolebindings", "RoleBinding", List.of(), List.of(), List.of(),
          io.fabric8.kubernetes.api.model.rbac.RoleBinding.class,
          io.fabric8.kubernetes.api.model.rbac.RoleBindingList.class),
      of(RBAC, "roles", "Role", List.of(), List.of(), List.of(),
          io.fabric8.kubernetes.api.model.rbac.Role.class, io.fabric8.kubernetes.api.model.rbac.RoleList.class),
      // scheduling.k8s.io/v1
      new ApiResource("scheduling.k8s.io", "v1", "priorityclasses", "priorityclass", "PriorityClass", false,
          List.of("pc"), List.of(), ApiResource.ALL_VERBS, List.of(),
          io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass.class,
          io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassList.class));

  /**
   * Resources that are only ever created and never stored: reviews, answered at once
   * ({@code kubectl auth can-i}, {@code kubectl auth whoami}). Served by their own handlers.
   */
  public static final List<ApiResource> REVIEWS = List.of(
      review("authentication.k8s.io", "selfsubjectreviews", "SelfSubjectReview", false,
          io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview.class),
      review("authentication.k8s.io", "tokenreviews", "TokenReview", false,
          io.fabric8.kubernetes.api.model.authentication.TokenReview.class),
      review("authorization.k8s.io", "localsubjectaccessreviews", "LocalSubjectAccessReview", true,
          io.fabric8.kubernetes.api.model.authorization.v1.LocalSubjectAccessReview.class),
      review("authorization.k8s.io", "selfsubjectaccessreviews", "SelfSubjectAccessReview", false,
          io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview.class),
      review("authorization.k8s.io", "selfsubjectrulesreviews", "SelfSubjectRulesReview", false,
          io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview.class),
      review("authorization.k8s.io", "subjectaccessreviews", "SubjectAccessReview", false,
          io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview.class));

  private BuiltinResources() {}

  /** The resource named {@code resource} in {@code group} ({@code ""} for core). */
  public static Optional<ApiResource> find(String group, String resource) {
    return RESOURCES.stream().filter(r -> r.group().equals(group) && r.resource().equals(resource)).findFirst();
  }

  /** The resource whose objects decode to {@code type}. */
  public static Optional<ApiResource> forType(Class<? extends HasMetadata> type) {
    return RESOURCES.stream().filter(r -> r.type().equals(type)).findFirst();
  }

  private static ApiResource core(String resource, String kind, boolean namespaced, List<String> shortNames,
      List<String> categories, Set<Verb> verbs, List<Subresource> subresources, Class<? extends HasMetadata> type,
      Class<? extends KubernetesResourceList<?>> listType) {
    return new ApiResource("", "v1", resource, singular(kind), kind, namespaced, shortNames, categories, verbs,
        subresources, type, listType);
  }

  private static ApiResource of(String group, String resource, String kind, List<String> shortNames,
      List<String> categories, List<Subresource> subresources, Class<? extends HasMetadata> type,
      Class<? extends KubernetesResourceList<?>> listType) {
    return new ApiResource(group, "v1", resource, singular(kind), kind, true, shortNames, categories,
        ApiResource.ALL_VERBS, subresources, type, listType);
  }

  /** A create-only review; it has no list type, so the object type stands in. */
  @SuppressWarnings("unchecked")
  private static ApiResource review(String group, String resource, String kind, boolean namespaced,
      Class<? extends HasMetadata> type) {
    return new ApiResource(group, "v1", resource, singular(kind), kind, namespaced, List.of(), List.of(),
        Set.of(CREATE), List.of(), type, (Class<? extends KubernetesResourceList<?>>) (Class<?>) type);
  }

  /** Discovery's {@code singularName}: the lower-cased kind. */
  private static String singular(String kind) {
    return kind.toLowerCase(java.util.Locale.ROOT);
  }

  private static Subresource status(String group, String kind) {
    return new Subresource("status", group, "v1", kind, STATUS_VERBS);
  }

  /** {@code <resource>/scale} speaks {@code autoscaling/v1 Scale}. */
  private static Subresource scale() {
    return new Subresource("scale", "autoscaling", "v1", "Scale", STATUS_VERBS);
  }

  private static Subresource sub(String name, String group, String version, String kind, Set<Verb> verbs) {
    return new Subresource(name, group, version, kind, verbs);
  }
}
