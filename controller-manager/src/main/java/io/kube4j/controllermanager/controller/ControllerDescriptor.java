package io.kube4j.controllermanager.controller;

import java.util.List;

/**
 * One controller the controller-manager can run ({@code ControllerDescriptor} upstream): its name for
 * {@code --controllers}, older names still accepted, whether {@code *} includes it, and how to start
 * it.
 *
 * @param name e.g. {@code serviceaccount-controller}
 * @param aliases e.g. {@code serviceaccount}
 * @param disabledByDefault true for controllers {@code *} leaves out (bootstrap-signer, token-cleaner)
 * @param starter builds the controller, registers its informer handlers and starts its workers
 */
public record ControllerDescriptor(String name, List<String> aliases, boolean disabledByDefault, Starter starter) {

  /** Starts one controller; the result stops it. */
  @FunctionalInterface
  public interface Starter {
    AutoCloseable start(ControllerContext context) throws Exception;
  }

  public ControllerDescriptor {
    aliases = List.copyOf(aliases);
  }

  /**
   * {@code IsControllerEnabled}: an explicit {@code name} or {@code -name} (or an alias) decides;
   * otherwise {@code *} enables what is not disabled by default; without {@code *} nothing is on.
   */
  public boolean enabledBy(List<String> controllers) {
    boolean star = false;
    for (String c : controllers) {
      if (c.equals(name) || aliases.contains(c)) {
        return true;
      }
      if (c.startsWith("-") && (c.substring(1).equals(name) || aliases.contains(c.substring(1)))) {
        return false;
      }
      star |= c.equals("*");
    }
    return star && !disabledByDefault;
  }
}
