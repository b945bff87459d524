package io.kube4j.scheduler.framework;

/** A plugin's verdict, as upstream's {@code framework.Code}. */
public enum Code {
  SUCCESS,
  /** Something went wrong; the pod is retried with backoff and no node is blamed. */
  ERROR,
  /** The node does not fit now, but preemption (evicting others) might make it fit. */
  UNSCHEDULABLE,
  /** The node cannot fit whatever is evicted (a taint, a selector): preemption skips it. */
  UNSCHEDULABLE_AND_UNRESOLVABLE,
  /** Permit only: hold the pod before binding until it is allowed or times out. */
  WAIT,
  /** The plugin has nothing to say about this pod (e.g. a Bind plugin leaving it to the next). */
  SKIP
}
