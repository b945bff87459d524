package io.kube4j.apiserver.registry.builtin;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplate;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.kube4j.apiserver.registry.apps.controllerrevision.ControllerRevisionStrategy;
import io.kube4j.apiserver.registry.apps.daemonset.DaemonSetStrategy;
import io.kube4j.apiserver.registry.apps.deployment.DeploymentStrategy;
import io.kube4j.apiserver.registry.apps.replicaset.ReplicaSetStrategy;
import io.kube4j.apiserver.registry.apps.statefulset.StatefulSetStrategy;
import io.kube4j.apiserver.registry.batch.cronjob.CronJobStrategy;
import io.kube4j.apiserver.registry.batch.job.JobStrategy;
import io.kube4j.apiserver.registry.coordination.lease.LeaseStrategy;
import io.kube4j.apiserver.registry.core.configmap.ConfigMapStrategy;
import io.kube4j.apiserver.registry.core.endpoints.EndpointsStrategy;
import io.kube4j.apiserver.registry.core.event.EventStrategy;
import io.kube4j.apiserver.registry.core.limitrange.LimitRangeStrategy;
import io.kube4j.apiserver.registry.core.namespace.NamespaceStrategy;
import io.kube4j.apiserver.registry.core.node.NodeStrategy;
import io.kube4j.apiserver.registry.core.persistentvolume.PersistentVolumeStrategy;
import io.kube4j.apiserver.registry.core.persistentvolumeclaim.PersistentVolumeClaimStrategy;
import io.kube4j.apiserver.registry.core.pod.PodStrategy;
import io.kube4j.apiserver.registry.core.podtemplate.PodTemplateStrategy;
import io.kube4j.apiserver.registry.core.replicationcontroller.ReplicationControllerStrategy;
import io.kube4j.apiserver.registry.core.resourcequota.ResourceQuotaStrategy;
import io.kube4j.apiserver.registry.core.secret.SecretStrategy;
import io.kube4j.apiserver.registry.core.service.ServiceStrategy;
import io.kube4j.apiserver.registry.core.serviceaccount.ServiceAccountStrategy;
import io.kube4j.apiserver.registry.discovery.endpointslice.EndpointSliceStrategy;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.registry.policy.poddisruptionbudget.PodDisruptionBudgetStrategy;
import io.kube4j.apiserver.registry.scheduling.priorityclass.PriorityClassStrategy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The strategy of every built-in type, keyed by its Fabric8 model class: the one place that says which
 * strategy makes a {@code Pod} behave as Kubernetes' pods do. Strategies are stateless, so one instance
 * serves all requests.
 */
public final class BuiltinStrategies {

  private final Map<Class<? extends HasMetadata>, Strategy<?>> strategies = new LinkedHashMap<>();

  public BuiltinStrategies() {
    // core/v1
    register(Namespace.class, new NamespaceStrategy());
    register(Pod.class, new PodStrategy());
    register(Node.class, new NodeStrategy());
    register(Service.class, new ServiceStrategy());
    register(Endpoints.class, new EndpointsStrategy());
    register(ConfigMap.class, new ConfigMapStrategy());
    register(Secret.class, new SecretStrategy());
    register(ServiceAccount.class, new ServiceAccountStrategy());
    register(Event.class, new EventStrategy());
    register(LimitRange.class, new LimitRangeStrategy());
    register(ResourceQuota.class, new ResourceQuotaStrategy());
    register(PersistentVolume.class, new PersistentVolumeStrategy());
    register(PersistentVolumeClaim.class, new PersistentVolumeClaimStrategy());
    register(PodTemplate.class, new PodTemplateStrategy());
    register(ReplicationController.class, new ReplicationControllerStrategy());
    // apps/v1
    register(Deployment.class, new DeploymentStrategy());
    register(ReplicaSet.class, new ReplicaSetStrategy());
    register(DaemonSet.class, new DaemonSetStrategy());
    register(StatefulSet.class, new StatefulSetStrategy());
    register(ControllerRevision.class, new ControllerRevisionStrategy());
    // batch/v1
    register(Job.class, new JobStrategy());
    register(CronJob.class, new CronJobStrategy());
    // coordination.k8s.io/v1, events.k8s.io/v1, discovery.k8s.io/v1, policy/v1, scheduling.k8s.io/v1
    register(Lease.class, new LeaseStrategy());
    register(io.fabric8.kubernetes.api.model.events.v1.Event.class,
        new io.kube4j.apiserver.registry.events.event.EventStrategy());
    register(EndpointSlice.class, new EndpointSliceStrategy());
    register(PodDisruptionBudget.class, new PodDisruptionBudgetStrategy());
    register(PriorityClass.class, new PriorityClassStrategy());
    register(io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest.class,
        new io.kube4j.apiserver.registry.certificates.CertificateSigningRequestStrategy());
    register(io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration.class,
        io.kube4j.apiserver.registry.admissionregistration.WebhookConfigurationStrategy.MUTATING);
    register(io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration.class,
        io.kube4j.apiserver.registry.admissionregistration.WebhookConfigurationStrategy.VALIDATING);
    register(io.fabric8.kubernetes.api.model.rbac.Role.class, new io.kube4j.apiserver.registry.rbac.RoleStrategy());
    register(io.fabric8.kubernetes.api.model.rbac.ClusterRole.class,
        new io.kube4j.apiserver.registry.rbac.ClusterRoleStrategy());
    register(io.fabric8.kubernetes.api.model.rbac.RoleBinding.class,
        new io.kube4j.apiserver.registry.rbac.RoleBindingStrategy());
    register(io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding.class,
        new io.kube4j.apiserver.registry.rbac.ClusterRoleBindingStrategy());
  }

  private <T extends HasMetadata> void register(Class<T> type, Strategy<T> strategy) {
    strategies.put(type, strategy);
  }

  /** The strategy of {@code type}; every class named by {@link BuiltinResources} has one. */
  public <T extends HasMetadata> Strategy<T> forType(Class<T> type) {
    return find(type).orElseThrow(() -> new IllegalArgumentException("no built-in strategy for " + type.getName()));
  }

  @SuppressWarnings("unchecked")
  public <T extends HasMetadata> Optional<Strategy<T>> find(Class<T> type) {
    return Optional.ofNullable((Strategy<T>) strategies.get(type));
  }

  /** Every registered type and its strategy, in registration order. */
  public Map<Class<? extends HasMetadata>, Strategy<?>> all() {
    return Collections.unmodifiableMap(strategies);
  }
}
