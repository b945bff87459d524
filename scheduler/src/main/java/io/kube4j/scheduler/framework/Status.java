package io.kube4j.scheduler.framework;

import java.util.List;

/**
 * The result of running a plugin: a {@link Code}, the user-facing reasons (word for word as
 * upstream's, since they end up in {@code FailedScheduling} events), and the plugin that said so.
 */
public record Status(Code code, List<String> reasons, String plugin) {

  private static final Status SUCCESS = new Status(Code.SUCCESS, List.of(), "");

  public Status {
    reasons = List.copyOf(reasons);
  }

  public static Status success() {
    return SUCCESS;
  }

  public static Status skip() {
    return new Status(Code.SKIP, List.of(), "");
  }

  public static Status unschedulable(String... reasons) {
    return new Status(Code.UNSCHEDULABLE, List.of(reasons), "");
  }

  public static Status unschedulableAndUnresolvable(String... reasons) {
    return new Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, List.of(reasons), "");
  }

  public static Status error(String message) {
    return new Status(Code.ERROR, List.of(message), "");
  }

  public Status withPlugin(String name) {
    return new Status(code, reasons, name);
  }

  public boolean isSuccess() {
    return code == Code.SUCCESS;
  }

  /** The node was rejected (as opposed to an error while looking at it). */
  public boolean isRejected() {
    return code == Code.UNSCHEDULABLE || code == Code.UNSCHEDULABLE_AND_UNRESOLVABLE;
  }

  public String message() {
    return String.join(", ", reasons);
  }
}
