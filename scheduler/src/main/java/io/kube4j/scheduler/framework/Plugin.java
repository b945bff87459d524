package io.kube4j.scheduler.framework;

/** A scheduling plugin. It implements one or more of the extension-point interfaces. */
public interface Plugin {

  /** The plugin's name, as used in a profile ({@code NodeResourcesFit}). */
  String name();
}
