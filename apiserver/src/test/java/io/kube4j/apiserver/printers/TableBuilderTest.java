package io.kube4j.apiserver.printers;

import static io.kube4j.apiserver.printers.Fixtures.NOW;
import static io.kube4j.apiserver.printers.Fixtures.minutesAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableBuilderTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private final TableBuilder builder = new TableBuilder(mapper);

  private static ConfigMap configMap() {
    return new ConfigMapBuilder().withNewMetadata().withName("cfg").withNamespace("default").withUid("u-1")
        .withResourceVersion("112").withCreationTimestamp(minutesAgo(5)).addToLabels("app", "web").endMetadata()
        .withData(Map.of("k", "v")).build();
  }

  @Test
  void serialisesTheUpstreamTableShapeWithPartialObjectMetadataRows() throws Exception {
    Table table = builder.build(new ConfigMapPrinter(), List.of(configMap()), IncludeObject.METADATA, NOW, "113",
        null, true);

    String nameDescription = Columns.NAME_DESCRIPTION;
    String ageDescription = Columns.CREATION_TIMESTAMP_DESCRIPTION.replace("\n", "\\n");
    String expected = """
        {"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"113"},\
        "columnDefinitions":[\
        {"name":"Name","type":"string","format":"name","description":"%s","priority":0},\
        {"name":"Data","type":"string","format":"","description":"Data contains the configuration data. \
        Each key must consist of alphanumeric characters, '-', '_' or '.'.","priority":0},\
        {"name":"Age","type":"string","format":"","description":"%s","priority":0}],\
        "rows":[{"cells":["cfg",1,"5m"],\
        "object":{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":\
        {"creationTimestamp":"2025-03-01T11:55:00Z","labels":{"app":"web"},"name":"cfg","namespace":"default",\
        "resourceVersion":"112","uid":"u-1"}}}]}"""
        .formatted(nameDescription, ageDescription);
    assertThat(mapper.writeValueAsString(table)).isEqualTo(expected);
  }

  @Test
  void keepsTheShapeWhenTheApiserversMapperOmitsEmptyValues() throws Exception {
    ObjectMapper omitting = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    Table table = new TableBuilder(omitting).build(new ConfigMapPrinter(), List.of(configMap()), IncludeObject.NONE,
        NOW, null, null, false);

    String json = omitting.writeValueAsString(table);

    assertThat(json).startsWith("{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":{},"
        + "\"columnDefinitions\":null,\"rows\":[{\"cells\":[\"cfg\",1,\"5m\"],\"object\":null}]");
    assertThat(omitting.writeValueAsString(Columns.age())).contains("\"format\":\"\"", "\"priority\":0");
  }

  @Test
  void objectRowsCarryTheWholeObject() {
    Table table = builder.build(new ConfigMapPrinter(), List.of(configMap()), IncludeObject.OBJECT, NOW, "113", null,
        true);

    JsonNode object = table.rows().get(0).object();
    assertThat(object.get("kind").asText()).isEqualTo("ConfigMap");
    assertThat(object.get("apiVersion").asText()).isEqualTo("v1");
    assertThat(object.at("/data/k").asText()).isEqualTo("v");
  }

  @Test
  void noneLeavesANullObjectAsGoEncodesAnEmptyRawExtension() throws Exception {
    Table table = builder.build(new ConfigMapPrinter(), List.of(configMap()), IncludeObject.NONE, NOW, null, null,
        true);

    assertThat(mapper.writeValueAsString(table.rows().get(0))).isEqualTo("{\"cells\":[\"cfg\",1,\"5m\"],\"object\":null}");
    assertThat(mapper.writeValueAsString(table.metadata())).isEqualTo("{}");
  }

  @Test
  void watchEventsAfterTheFirstHaveNullColumnDefinitions() throws Exception {
    Table table = builder.build(new ConfigMapPrinter(), List.of(configMap()), IncludeObject.NONE, NOW, "120", null,
        false);

    assertThat(mapper.readTree(mapper.writeValueAsString(table)).get("columnDefinitions").isNull()).isTrue();
  }

  @Test
  void anEmptyListHasAnEmptyRowsArrayAndKeepsPagingMetadata() throws Exception {
    Table table = builder.build(new ConfigMapPrinter(), List.<ConfigMap>of(), IncludeObject.METADATA, NOW,
        new Table.ListMeta("7", "eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ", 42L), true);

    JsonNode json = mapper.readTree(mapper.writeValueAsString(table));
    assertThat(json.get("rows").isArray()).isTrue();
    assertThat(json.get("rows").size()).isZero();
    assertThat(json.get("metadata").toString())
        .isEqualTo("{\"resourceVersion\":\"7\",\"continue\":\"eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ\",\"remainingItemCount\":42}");
  }

  @Test
  void podRowsCarryTheCompletedCondition() throws Exception {
    Pod pod = new PodBuilder().withNewMetadata().withName("job-x").withCreationTimestamp(minutesAgo(5)).endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
        .withNewStatus().withPhase("Succeeded").endStatus().build();

    Table table = builder.build(new PodPrinter(), List.of(pod), IncludeObject.NONE, NOW, "9", null, true);

    assertThat(mapper.writeValueAsString(table.rows().get(0))).isEqualTo("{\"cells\":[\"job-x\",\"0/1\","
        + "\"Succeeded\",\"0\",\"5m\",\"<none>\",\"<none>\",\"<none>\",\"<none>\"],\"conditions\":[{\"type\":"
        + "\"Completed\",\"status\":\"True\",\"reason\":\"Succeeded\",\"message\":\"The pod has completed "
        + "successfully.\"}],\"object\":null}");
  }

  @Test
  void rejectsAPrinterWhoseCellsDoNotMatchItsColumns() {
    TablePrinter<HasMetadata> broken = new TablePrinter<>() {
      @Override
      public List<TableColumnDefinition> columns() {
        return List.of(Columns.name(), Columns.age());
      }

      @Override
      public List<Object> cells(HasMetadata obj, Instant now) {
        return List.of("only-one");
      }
    };

    assertThatThrownBy(() -> builder.build(broken, List.of(configMap()), IncludeObject.NONE, NOW, null, null, true))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 cells for 2 columns");
  }
}
