package io.kube4j.apiserver.printers;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.kube4j.apiserver.api.StatusException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code kubectl get controllerrevisions}: NAME CONTROLLER REVISION AGE. CONTROLLER is the controlling
 * owner as {@code kind.group/name} in lower case, e.g. {@code statefulset.apps/web}, or {@code <none>}.
 */
final class ControllerRevisionPrinter implements TablePrinter<ControllerRevision> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("Controller", "Controller of the object"),
      Columns.string("Revision", "Revision indicates the revision of the state represented by Data."),
      Columns.age());

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(ControllerRevision cr, Instant now) {
    String controller = Formats.NONE;
    if (cr.getMetadata() != null) {
      for (OwnerReference ref : Formats.orEmpty(cr.getMetadata().getOwnerReferences())) {
        if (Formats.isTrue(ref.getController())) { // metav1.GetControllerOf
          controller = formatResourceName(ref);
          break;
        }
      }
    }
    return List.of(Formats.name(cr), controller, Formats.orZero(cr.getRevision()), Formats.age(cr, now));
  }

  /** {@code formatResourceName(gvk.GroupKind(), name, true)}: {@code GroupKind.String()} lower-cased. */
  private static String formatResourceName(OwnerReference ref) {
    String group = group(Formats.orEmpty(ref.getApiVersion()));
    String kind = Formats.orEmpty(ref.getKind());
    if (group.isEmpty() && kind.isEmpty()) {
      return Formats.orEmpty(ref.getName());
    }
    String groupKind = group.isEmpty() ? kind : kind + "." + group;
    return groupKind.toLowerCase(Locale.ROOT) + "/" + Formats.orEmpty(ref.getName());
  }

  /** The group of {@code schema.ParseGroupVersion}: {@code apps/v1} → {@code apps}, {@code v1} → core. */
  private static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    if (slash < 0) {
      return "";
    }
    if (apiVersion.indexOf('/', slash + 1) >= 0) {
      throw StatusException.internal("unexpected GroupVersion string: " + apiVersion);
    }
    return apiVersion.substring(0, slash);
  }
}
