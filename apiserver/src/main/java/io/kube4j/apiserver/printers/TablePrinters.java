package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which {@link TablePrinter} prints which Fabric8 model class: upstream's {@code AddHandlers} table,
 * keyed by type as {@code HumanReadablePrinter.handlerMap} is. Kinds without a printer (limitranges,
 * custom resources) get the generic NAME / CREATED AT table of {@code rest.defaultTableConvertor}.
 *
 * <p>Immutable and thread safe; {@link #withPrinter} returns a new registry. Lookup is by exact class.
 */
public final class TablePrinters {

  private final Map<Class<?>, TablePrinter<?>> printers;
  private final TablePrinter<HasMetadata> fallback = new ObjectMetaTablePrinter();

  private TablePrinters(Map<Class<?>, TablePrinter<?>> printers) {
    this.printers = Map.copyOf(printers);
  }

  /** A registry without any printer: every kind prints NAME / CREATED AT. */
  public static TablePrinters none() {
    return new TablePrinters(Map.of());
  }

  /** The printers kube4j ships, for the built-in kinds it serves (see the package documentation). */
  public static TablePrinters kubernetes() {
    Map<Class<?>, TablePrinter<?>> m = new HashMap<>();
    // core/v1
    m.put(Pod.class, new PodPrinter());
    m.put(PodTemplate.class, new PodTemplatePrinter());
    m.put(ReplicationController.class, new ReplicationControllerPrinter());
    m.put(Service.class, new ServicePrinter());
    m.put(Endpoints.class, new EndpointsPrinter());
    m.put(Node.class, new NodePrinter());
    m.put(Event.class, EventPrinter.core());
    m.put(Namespace.class, new NamespacePrinter());
    m.put(Secret.class, new SecretPrinter());
    m.put(ServiceAccount.class, new ServiceAccountPrinter());
    m.put(PersistentVolume.class, new PersistentVolumePrinter());
    m.put(PersistentVolumeClaim.class, new PersistentVolumeClaimPrinter());
    m.put(ConfigMap.class, new ConfigMapPrinter());
    m.put(ResourceQuota.class, new ResourceQuotaPrinter());
    // apps/v1
    m.put(Deployment.class, new DeploymentPrinter());
    m.put(ReplicaSet.class, new ReplicaSetPrinter());
    m.put(DaemonSet.class, new DaemonSetPrinter());
    m.put(StatefulSet.class, new StatefulSetPrinter());
    m.put(ControllerRevision.class, new ControllerRevisionPrinter());
    // batch/v1
    m.put(Job.class, new JobPrinter());
    m.put(CronJob.class, new CronJobPrinter());
    // other groups
    m.put(Lease.class, new LeasePrinter());
    m.put(EndpointSlice.class, new EndpointSlicePrinter());
    m.put(io.fabric8.kubernetes.api.model.events.v1.Event.class, EventPrinter.eventsV1());
    m.put(PodDisruptionBudget.class, new PodDisruptionBudgetPrinter());
    m.put(PriorityClass.class, new PriorityClassPrinter());
    m.put(io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest.class,
        new CertificateSigningRequestPrinter());
    m.put(io.fabric8.kubernetes.api.model.rbac.Role.class, RbacPrinters.role());
    m.put(io.fabric8.kubernetes.api.model.rbac.ClusterRole.class, RbacPrinters.role());
    m.put(io.fabric8.kubernetes.api.model.rbac.RoleBinding.class, RbacPrinters.<io.fabric8.kubernetes.api.model.rbac
        .RoleBinding>binding(b -> b.getRoleRef(), b -> b.getSubjects()));
    m.put(io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding.class, RbacPrinters.<io.fabric8.kubernetes.api.model
        .rbac.ClusterRoleBinding>binding(b -> b.getRoleRef(), b -> b.getSubjects()));
    return new TablePrinters(m);
  }

  /** A copy of this registry in which {@code type} prints with {@code printer}. */
  public <T extends HasMetadata> TablePrinters withPrinter(Class<T> type, TablePrinter<? super T> printer) {
    Map<Class<?>, TablePrinter<?>> m = new HashMap<>(printers);
    m.put(type, printer);
    return new TablePrinters(m);
  }

  /** Whether {@code type} has a printer of its own rather than the generic one. */
  public boolean hasPrinter(Class<? extends HasMetadata> type) {
    return printers.containsKey(type);
  }

  /** The printer for {@code type}, or the generic NAME / CREATED AT printer. */
  @SuppressWarnings("unchecked") // the map is only filled through withPrinter/kubernetes(), keyed by the printed type
  public <T extends HasMetadata> TablePrinter<? super T> printerFor(Class<T> type) {
    TablePrinter<?> p = printers.get(type);
    return p != null ? (TablePrinter<? super T>) p : fallback;
  }

  /**
   * The printer for {@code type} as a printer of any object, for callers that hold the model class only
   * as {@code Class<? extends HasMetadata>} (an {@code ApiResource}). Each object is cast to
   * {@code type} first, so a wrong object fails with a {@link ClassCastException}, not a wrong table.
   */
  public TablePrinter<HasMetadata> forObjectsOf(Class<? extends HasMetadata> type) {
    return checked(type);
  }

  private <T extends HasMetadata> TablePrinter<HasMetadata> checked(Class<T> type) {
    TablePrinter<? super T> printer = printerFor(type);
    return new TablePrinter<>() {
      @Override
      public List<TableColumnDefinition> columns() {
        return printer.columns();
      }

      @Override
      public List<Object> cells(HasMetadata obj, Instant now) {
        return printer.cells(type.cast(obj), now);
      }

      @Override
      public List<TableRowCondition> conditions(HasMetadata obj) {
        return printer.conditions(type.cast(obj));
      }
    };
  }

  /** The generic printer used for kinds without their own. */
  public TablePrinter<HasMetadata> fallback() {
    return fallback;
  }
}
