package io.kube4j.apiserver.registry.core.service.allocator;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The stored form of a range's bitmap ({@code core.RangeAllocation} upstream): {@code data} is the
 * base64 bitmap, bit i set when offset i of the range is taken.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RangeAllocation(String kind, String apiVersion, Map<String, Object> metadata, String range, String data) {}
