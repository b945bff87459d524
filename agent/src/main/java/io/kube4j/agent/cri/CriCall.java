package io.kube4j.agent.cri;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One unary CRI call with its deadline: the only place where the blocking stubs are invoked and
 * where {@link StatusRuntimeException} is turned into {@link CriException}. A deadline is per call
 * (as kubelet's {@code context.WithTimeout(ctx, r.timeout)} around each RPC), so a hung runtime
 * costs one timeout, never a stuck pod worker.
 */
final class CriCall {

  private CriCall() {}

  /** Runs {@code rpc} on {@code stub} with a deadline of {@code timeout}; {@code null} = no deadline. */
  static <S extends AbstractStub<S>, T> T invoke(String method, S stub, Duration timeout, Function<S, T> rpc) {
    S bounded = timeout == null ? stub : stub.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
    try {
      return rpc.apply(bounded);
    } catch (StatusRuntimeException e) {
      throw CriException.from(method, e);
    }
  }
}
