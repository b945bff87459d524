package io.kube4j.apiserver.admission;

import java.util.ArrayList;
import java.util.List;

/**
 * The warnings one request collects on its way through admission ({@code warning.AddWarning(ctx, ...)}
 * upstream); they reach the client as {@code Warning: 299 - "..."} headers, which kubectl prints as
 * {@code Warning: ...}. One instance per request; duplicates are dropped.
 */
public final class Warnings {

  private final List<String> messages = new ArrayList<>();

  public synchronized void add(String message) {
    if (!messages.contains(message)) {
      messages.add(message);
    }
  }

  public synchronized List<String> all() {
    return List.copyOf(messages);
  }

  /** {@code first}'s warnings, then these. */
  public List<String> after(List<String> first) {
    List<String> out = new ArrayList<>(first);
    all().stream().filter(m -> !out.contains(m)).forEach(out::add);
    return out;
  }
}
