package io.kube4j.apiserver.printers;

import static io.kube4j.apiserver.printers.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TablePrintersTest {

  private final TablePrinters printers = TablePrinters.kubernetes();

  static Stream<Class<? extends HasMetadata>> builtInKinds() {
    return Stream.of(io.fabric8.kubernetes.api.model.Namespace.class, Pod.class,
        io.fabric8.kubernetes.api.model.Node.class, io.fabric8.kubernetes.api.model.Service.class,
        io.fabric8.kubernetes.api.model.Endpoints.class, ConfigMap.class, io.fabric8.kubernetes.api.model.Secret.class,
        io.fabric8.kubernetes.api.model.ServiceAccount.class, io.fabric8.kubernetes.api.model.Event.class, Event.class,
        io.fabric8.kubernetes.api.model.ResourceQuota.class, io.fabric8.kubernetes.api.model.PersistentVolume.class,
        io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class, io.fabric8.kubernetes.api.model.PodTemplate.class,
        io.fabric8.kubernetes.api.model.ReplicationController.class, Deployment.class,
        io.fabric8.kubernetes.api.model.apps.ReplicaSet.class, io.fabric8.kubernetes.api.model.apps.DaemonSet.class,
        io.fabric8.kubernetes.api.model.apps.StatefulSet.class,
        io.fabric8.kubernetes.api.model.apps.ControllerRevision.class,
        io.fabric8.kubernetes.api.model.batch.v1.Job.class, io.fabric8.kubernetes.api.model.batch.v1.CronJob.class,
        io.fabric8.kubernetes.api.model.coordination.v1.Lease.class,
        io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice.class,
        io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class,
        io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass.class);
  }

  /** Objects as bare as a client may send: nothing but a name, every other field absent. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("builtInKinds")
  <T extends HasMetadata> void everyPrinterPrintsOneCellPerColumnEvenForABareObject(Class<T> kind) throws Exception {
    T obj = kind.getDeclaredConstructor().newInstance();
    obj.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("bare").build());

    TablePrinter<? super T> printer = printers.printerFor(kind);

    assertThat(printers.hasPrinter(kind)).isTrue();
    assertThat(printer.cells(obj, NOW)).hasSameSizeAs(printer.columns()).doesNotContainNull();
    assertThat(printer.columns()).filteredOn(c -> "name".equals(c.format())).isNotEmpty();
  }

  @Test
  void forObjectsOfPrintsObjectsHeldAsHasMetadata() {
    Class<? extends HasMetadata> type = ConfigMap.class; // as an ApiResource holds it
    List<HasMetadata> objects = List.of(new ConfigMapBuilder().withNewMetadata().withName("cfg").endMetadata().build());

    Table table = new TableBuilder(new com.fasterxml.jackson.databind.ObjectMapper())
        .build(printers.forObjectsOf(type), objects, IncludeObject.NONE, NOW, "1", null, true);

    assertThat(table.rows().get(0).cells()).containsExactly("cfg", 0L, "<unknown>");
    assertThat(table.columnDefinitions()).isEqualTo(printers.printerFor(ConfigMap.class).columns());
    assertThatThrownBy(() -> printers.forObjectsOf(Pod.class).cells(objects.get(0), NOW))
        .isInstanceOf(ClassCastException.class);
  }

  @Test
  void kindsWithoutAPrinterGetNameAndCreatedAt() {
    TablePrinter<? super LimitRange> printer = printers.printerFor(LimitRange.class);

    assertThat(printers.hasPrinter(LimitRange.class)).isFalse();
    assertThat(printer.columns()).extracting(TableColumnDefinition::name, TableColumnDefinition::type,
        TableColumnDefinition::format).containsExactly(
            org.assertj.core.groups.Tuple.tuple("Name", "string", "name"),
            org.assertj.core.groups.Tuple.tuple("Created At", "date", ""));
  }

  @Test
  void withPrinterReplacesOneKindAndLeavesTheOriginalUntouched() {
    TablePrinters custom = printers.withPrinter(ConfigMap.class, printers.fallback());
    ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("cfg").endMetadata().build();

    assertThat(custom.printerFor(ConfigMap.class).cells(cm, NOW)).hasSize(2);
    assertThat(printers.printerFor(ConfigMap.class).cells(cm, NOW)).hasSize(3);
    assertThat(TablePrinters.none().hasPrinter(Pod.class)).isFalse();
    assertThat(List.of(custom.printerFor(Pod.class).columns().get(1).name())).containsExactly("Ready");
  }
}
