package io.kube4j.apiserver.registry.core.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.kube4j.apiserver.api.FieldError;
import org.junit.jupiter.api.Test;

class NamespaceStrategyTest {

  private final NamespaceStrategy strategy = new NamespaceStrategy();

  private Namespace create(String name) {
    Namespace ns = new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
    strategy.applyDefaults(ns);
    strategy.prepareForCreate(ns);
    return ns;
  }

  @Test
  void newNamespaceIsActiveWithKubernetesFinalizerAndNameLabel() {
    Namespace ns = create("team-a");
    assertThat(ns.getStatus().getPhase()).isEqualTo("Active");
    assertThat(ns.getSpec().getFinalizers()).containsExactly("kubernetes");
    assertThat(ns.getMetadata().getLabels()).containsEntry("kubernetes.io/metadata.name", "team-a");
    assertThat(strategy.validate(ns)).isEmpty();
  }

  @Test
  void namespaceNameMustBeADnsLabel() {
    assertThat(strategy.validate(create("a.b"))).extracting(FieldError::message)
        .containsExactly("metadata.name: Invalid value: \"a.b\": must not contain dots");
  }

  @Test
  void namespaceMayNotCarryANamespace() {
    Namespace ns = create("a");
    ns.getMetadata().setNamespace("default");
    assertThat(strategy.validate(ns)).extracting(FieldError::message)
        .containsExactly("metadata.namespace: Forbidden: not allowed on this type");
  }

  @Test
  void updateKeepsFinalizersAndStatus() {
    Namespace old = create("a");
    Namespace update = new NamespaceBuilder(old).editSpec().withFinalizers().endSpec()
        .editStatus().withPhase("Terminating").endStatus().build();
    strategy.prepareForUpdate(update, old);
    assertThat(update.getSpec().getFinalizers()).containsExactly("kubernetes");
    assertThat(update.getStatus().getPhase()).isEqualTo("Active");
  }

  @Test
  void statusPhaseMustBeActiveUntilDeletion() {
    Namespace old = create("a");
    old.getMetadata().setResourceVersion("1");
    Namespace update = new NamespaceBuilder(old).editStatus().withPhase("Terminating").endStatus().build();
    assertThat(strategy.statusStrategy().orElseThrow().validateUpdate(update, old)).extracting(FieldError::message)
        .containsExactly("status.Phase: Invalid value: \"Terminating\": may only be 'Active' if `deletionTimestamp` "
            + "is empty");
  }

  @Test
  void finalizeAcceptsOnlyQualifiedOrStandardFinalizers() {
    Namespace old = create("a");
    old.getMetadata().setResourceVersion("1");
    Namespace update = new NamespaceBuilder(old).editSpec().withFinalizers("custom").endSpec().build();
    var finalize = strategy.finalizeStrategy();
    finalize.prepareForUpdate(update, old);
    assertThat(finalize.validateUpdate(update, old)).extracting(FieldError::message)
        .containsExactly("spec.finalizers[0]: Invalid value: \"custom\": name is neither a standard finalizer name "
            + "nor is it fully qualified");
  }

  @Test
  void selectableByPhaseAndLegacyName() {
    assertThat(strategy.selectableFields(create("a"))).containsEntry("status.phase", "Active").containsEntry("name", "a");
  }
}
