package io.kube4j.apiserver.registry.core.namespace;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceSpec;
import io.fabric8.kubernetes.api.model.NamespaceStatus;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.FinalizeStrategy;
import io.kube4j.apiserver.registry.generic.StatusStrategy;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How namespaces are created and updated ({@code namespaceStrategy}). */
public final class NamespaceStrategy implements Strategy<Namespace>, FinalizeStrategy<Namespace> {

  /** {@code v1.LabelMetadataName}: every namespace is labelled with its own name. */
  public static final String LABEL_METADATA_NAME = "kubernetes.io/metadata.name";
  /** {@code v1.FinalizerKubernetes}: the namespace controller removes it once the namespace is empty. */
  public static final String FINALIZER_KUBERNETES = "kubernetes";

  /**
   * A namespace is deleted in two steps: DELETE marks it Terminating, and it goes once the
   * namespace controller has emptied it and removed {@code spec.finalizers} through /finalize.
   */
  @Override
  public boolean awaitsFinalization(Namespace ns) {
    return ns.getSpec() != null && ns.getSpec().getFinalizers() != null && !ns.getSpec().getFinalizers().isEmpty();
  }

  @Override
  public void markFinalizing(Namespace ns) {
    if (ns.getStatus() == null) {
      ns.setStatus(new NamespaceStatus());
    }
    ns.getStatus().setPhase("Terminating");
  }

  /** Namespaces are answered with the namespace itself on DELETE, Terminating, as upstream does. */
  @Override
  public boolean returnDeletedObject() {
    return true;
  }

  /** {@code SetDefaults_Namespace} and {@code SetDefaults_NamespaceStatus}. */
  @Override
  public void applyDefaults(Namespace ns) {
    labelWithName(ns);
    if (ns.getStatus() != null && isEmpty(ns.getStatus().getPhase())) {
      ns.getStatus().setPhase("Active");
    }
  }

  /** Active, with the {@code kubernetes} finalizer appended if missing. */
  @Override
  public void prepareForCreate(Namespace ns) {
    NamespaceStatus status = new NamespaceStatus();
    status.setPhase("Active");
    ns.setStatus(status);
    if (ns.getSpec() == null) {
      ns.setSpec(new NamespaceSpec());
    }
    List<String> finalizers = ns.getSpec().getFinalizers() == null ? new ArrayList<>()
        : new ArrayList<>(ns.getSpec().getFinalizers());
    if (!finalizers.contains(FINALIZER_KUBERNETES)) {
      finalizers.add(FINALIZER_KUBERNETES);
    }
    ns.getSpec().setFinalizers(finalizers);
    // upstream sets the label again in Canonicalize, once generateName has produced the name
    labelWithName(ns);
  }

  /** Finalizers and status belong to {@code namespaces/finalize} and {@code namespaces/status}. */
  @Override
  public void prepareForUpdate(Namespace ns, Namespace old) {
    if (ns.getSpec() == null) {
      ns.setSpec(new NamespaceSpec());
    }
    ns.getSpec().setFinalizers(old.getSpec() == null ? null : old.getSpec().getFinalizers());
    ns.setStatus(old.getStatus());
    labelWithName(ns);
  }

  @Override
  public List<FieldError> validate(Namespace ns) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(ns.getMetadata(), false, NameValidator.DNS_LABEL,
        Path.root("metadata"));
    if (ns.getSpec() != null && ns.getSpec().getFinalizers() != null) {
      for (String f : ns.getSpec().getFinalizers()) {
        errs.addAll(validateFinalizerName(f, Path.root("spec", "finalizers")));
      }
    }
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(Namespace ns, Namespace old) {
    return ObjectMetaValidation.validateCoreObjectMetaUpdate(ns.getMetadata(), old.getMetadata(), Path.root("metadata"));
  }

  /** {@code NamespaceToSelectableFields}: {@code name} is a historical bug kept for compatibility. */
  @Override
  public Map<String, String> selectableFields(Namespace ns) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("status.phase", ns.getStatus() == null ? "" : nz(ns.getStatus().getPhase()));
    fields.put("name", nz(ns.getMetadata().getName()));
    return fields;
  }

  @Override
  public Optional<StatusStrategy<Namespace>> statusStrategy() {
    return Optional.of(new StatusStrategy<>() {
      @Override
      public void prepareForUpdate(Namespace ns, Namespace old) {
        ns.setSpec(old.getSpec());
      }

      /** {@code ValidateNamespaceStatusUpdate}: Active until deletion starts, Terminating after. */
      @Override
      public List<FieldError> validateUpdate(Namespace ns, Namespace old) {
        ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(ns.getMetadata(), old.getMetadata(),
            Path.root("metadata"));
        String phase = ns.getStatus() == null ? "" : nz(ns.getStatus().getPhase());
        if (isEmpty(ns.getMetadata().getDeletionTimestamp())) {
          if (!phase.equals("Active")) {
            errs.invalid(Path.root("status", "Phase"), phase, "may only be 'Active' if `deletionTimestamp` is empty");
          }
        } else if (!phase.equals("Terminating")) {
          errs.invalid(Path.root("status", "Phase"), phase,
              "may only be 'Terminating' if `deletionTimestamp` is not empty");
        }
        return errs;
      }
    });
  }

  /**
   * The strategy of {@code namespaces/finalize}: only {@code spec.finalizers} changes
   * ({@code namespaceFinalizeStrategy}). Same shape as a status strategy.
   */
  public StatusStrategy<Namespace> finalizeStrategy() {
    return new StatusStrategy<>() {
      @Override
      public void prepareForUpdate(Namespace ns, Namespace old) {
        List<String> finalizers = ns.getSpec() == null ? null : ns.getSpec().getFinalizers();
        ns.setSpec(new NamespaceSpec(finalizers == null ? null : new ArrayList<>(finalizers)));
        ns.setStatus(old.getStatus());
      }

      @Override
      public List<FieldError> validateUpdate(Namespace ns, Namespace old) {
        ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(ns.getMetadata(), old.getMetadata(),
            Path.root("metadata"));
        List<String> finalizers = ns.getSpec() == null || ns.getSpec().getFinalizers() == null ? List.of()
            : ns.getSpec().getFinalizers();
        for (int i = 0; i < finalizers.size(); i++) {
          errs.addAll(validateFinalizerName(finalizers.get(i), Path.root("spec", "finalizers").index(i)));
        }
        return errs;
      }
    };
  }

  private static ErrorList validateFinalizerName(String name, Path field) {
    ErrorList errs = ObjectMetaValidation.validateFinalizerName(name, field);
    errs.addAll(ObjectMetaValidation.validateKubeFinalizerName(name, field));
    return errs;
  }

  private static void labelWithName(Namespace ns) {
    if (ns.getMetadata() == null || isEmpty(ns.getMetadata().getName())) {
      return;
    }
    Map<String, String> labels = ns.getMetadata().getLabels() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(ns.getMetadata().getLabels());
    labels.put(LABEL_METADATA_NAME, ns.getMetadata().getName());
    ns.getMetadata().setLabels(labels);
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
