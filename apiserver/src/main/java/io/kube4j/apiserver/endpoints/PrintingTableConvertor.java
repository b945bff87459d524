package io.kube4j.apiserver.endpoints;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kube4j.apiserver.printers.IncludeObject;
import io.kube4j.apiserver.printers.Table;
import io.kube4j.apiserver.printers.TableBuilder;
import io.kube4j.apiserver.printers.TablePrinters;
import io.kube4j.apiserver.registry.ApiResource;
import io.kube4j.apiserver.watch.CachedObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** {@link TableConvertor} over the printers of {@code io.kube4j.apiserver.printers}. */
public final class PrintingTableConvertor implements TableConvertor {

  private final TablePrinters printers;
  private final TableBuilder builder;
  private final ObjectMapper json;
  private final Clock clock;

  public PrintingTableConvertor(TablePrinters printers, ObjectMapper json, Clock clock) {
    this.printers = printers;
    this.builder = new TableBuilder(json);
    this.json = json;
    this.clock = clock;
  }

  @Override
  public byte[] table(ApiResource resource, List<CachedObject> items, ListMeta listMeta,
      IncludeObject include, boolean withColumns) {
    List<HasMetadata> objects = new ArrayList<>(items.size());
    for (CachedObject o : items) {
      objects.add(o.object());
    }
    Long remaining = listMeta.remainingItemCount() > 0 ? listMeta.remainingItemCount() : null;
    Table t = builder.build(printers.forObjectsOf(resource.type()), objects, include,
        clock.instant(), new Table.ListMeta(listMeta.resourceVersion(),
            listMeta.continueToken().isEmpty() ? null : listMeta.continueToken(), remaining), withColumns);
    try {
      return json.writeValueAsBytes(t);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
