package io.kube4j.scheduler;

/**
 * The node a cycle chose, with how many nodes were evaluated and how many passed the filters
 * (upstream's {@code ScheduleResult}).
 */
public record ScheduleResult(String suggestedHost, int evaluatedNodes, int feasibleNodes) {}
