package io.kube4j.apiserver.printers;

import static io.kube4j.apiserver.printers.Formats.orEmpty;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code kubectl get resourcequotas}: NAME REQUEST LIMIT AGE. Each cell lists {@code resource: used/hard}
 * for the resources in {@code status.hard}, sorted by name; {@code limits.*} go to LIMIT, everything else
 * (including {@code pods}, {@code requests.cpu}) to REQUEST. Worked example: hard
 * {@code {pods: 10, limits.cpu: 2}}, used {@code {pods: 3}} → REQUEST {@code pods: 3/10}, LIMIT
 * {@code limits.cpu: 0/2}.
 */
final class ResourceQuotaPrinter implements TablePrinter<ResourceQuota> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("Request", "Request represents a minimum amount of cpu/memory that a container may"
          + " consume."),
      Columns.string("Limit", "Limits control the maximum amount of cpu/memory that a container may use"
          + " independent of contention on the node."),
      Columns.age());

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(ResourceQuota quota, Instant now) {
    Map<String, Quantity> hard = quota.getStatus() == null ? Map.of() : orEmpty(quota.getStatus().getHard());
    Map<String, Quantity> used = quota.getStatus() == null ? Map.of() : orEmpty(quota.getStatus().getUsed());
    List<String> requests = new ArrayList<>();
    List<String> limits = new ArrayList<>();
    for (String resource : new TreeSet<>(hard.keySet())) {
      String entry =
          resource + ": " + Formats.quantity(used.get(resource)) + "/" + Formats.quantity(hard.get(resource));
      String[] pieces = resource.split("\\.", -1);
      (pieces.length > 1 && pieces[0].equals("limits") ? limits : requests).add(entry);
    }
    return List.of(Formats.name(quota), String.join(", ", requests), String.join(", ", limits),
        Formats.age(quota, now));
  }
}
