package io.kube4j.apiserver.validation.core;

import io.fabric8.kubernetes.api.model.ExecAction;
import io.fabric8.kubernetes.api.model.GRPCAction;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SleepAction;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import java.util.List;

/**
 * Probes and lifecycle hooks: exactly one handler (exec, httpGet, tcpSocket, grpc, sleep), non-negative
 * timings, {@code successThreshold} 1 for liveness and startup. Mirrors {@code validateProbe} and
 * {@code validateHandler}.
 */
public final class ProbeValidation {

  private ProbeValidation() {}

  static ErrorList validateLivenessProbe(Probe probe, Path field) {
    ErrorList errs = validateProbe(probe, field);
    if (probe != null && intOf(probe.getSuccessThreshold()) != 1) {
      errs.invalid(field.child("successThreshold"), intOf(probe.getSuccessThreshold()), "must be 1");
    }
    return errs;
  }

  static ErrorList validateReadinessProbe(Probe probe, Path field) {
    ErrorList errs = validateProbe(probe, field);
    if (probe != null && probe.getTerminationGracePeriodSeconds() != null) {
      errs.invalid(field.child("terminationGracePeriodSeconds"), probe.getTerminationGracePeriodSeconds(),
          "must not be set for readinessProbes");
    }
    return errs;
  }

  static ErrorList validateStartupProbe(Probe probe, Path field) {
    return validateLivenessProbe(probe, field);
  }

  private static ErrorList validateProbe(Probe probe, Path field) {
    ErrorList errs = new ErrorList();
    if (probe == null) {
      return errs;
    }
    errs.addAll(validateHandler(probe.getExec(), probe.getHttpGet(), probe.getTcpSocket(), probe.getGrpc(), null,
        null, field));
    errs.addAll(ObjectMetaValidation.validateNonnegativeField(intOf(probe.getInitialDelaySeconds()),
        field.child("initialDelaySeconds")));
    errs.addAll(ObjectMetaValidation.validateNonnegativeField(intOf(probe.getTimeoutSeconds()),
        field.child("timeoutSeconds")));
    errs.addAll(ObjectMetaValidation.validateNonnegativeField(intOf(probe.getPeriodSeconds()),
        field.child("periodSeconds")));
    errs.addAll(ObjectMetaValidation.validateNonnegativeField(intOf(probe.getSuccessThreshold()),
        field.child("successThreshold")));
    errs.addAll(ObjectMetaValidation.validateNonnegativeField(intOf(probe.getFailureThreshold()),
        field.child("failureThreshold")));
    if (probe.getTerminationGracePeriodSeconds() != null && probe.getTerminationGracePeriodSeconds() <= 0) {
      errs.invalid(field.child("terminationGracePeriodSeconds"), probe.getTerminationGracePeriodSeconds(),
          "must be greater than 0");
    }
    return errs;
  }

  static ErrorList validateLifecycle(Lifecycle lifecycle, Long gracePeriod, Path field) {
    ErrorList errs = new ErrorList();
    LifecycleHandler post = lifecycle.getPostStart();
    if (post != null) {
      errs.addAll(validateHandler(post.getExec(), post.getHttpGet(), post.getTcpSocket(), null, post.getSleep(),
          gracePeriod, field.child("postStart")));
    }
    LifecycleHandler pre = lifecycle.getPreStop();
    if (pre != null) {
      errs.addAll(validateHandler(pre.getExec(), pre.getHttpGet(), pre.getTcpSocket(), null, pre.getSleep(),
          gracePeriod, field.child("preStop")));
    }
    return errs;
  }

  private static ErrorList validateHandler(ExecAction exec, HTTPGetAction http, TCPSocketAction tcp,
      GRPCAction grpc, SleepAction sleep, Long gracePeriod, Path field) {
    ErrorList errs = new ErrorList();
    int num = 0;
    if (exec != null) {
      num++;
      if (exec.getCommand() == null || exec.getCommand().isEmpty()) {
        errs.required(field.child("exec").child("command"), "");
      }
    }
    if (http != null) {
      if (num++ > 0) {
        errs.forbidden(field.child("httpGet"), "may not specify more than 1 handler type");
      } else {
        errs.addAll(validateHTTPGetAction(http, field.child("httpGet")));
      }
    }
    if (tcp != null) {
      if (num++ > 0) {
        errs.forbidden(field.child("tcpSocket"), "may not specify more than 1 handler type");
      } else {
        errs.addAll(validatePortNumOrName(tcp.getPort(), field.child("tcpSocket").child("port")));
      }
    }
    if (grpc != null) {
      if (num++ > 0) {
        errs.forbidden(field.child("grpc"), "may not specify more than 1 handler type");
      } else {
        int port = intOf(grpc.getPort());
        errs.invalidEach(field.child("grpc").child("port"), port, Validation.isValidPortNum(port));
      }
    }
    if (sleep != null) {
      if (num++ > 0) {
        errs.forbidden(field.child("sleep"), "may not specify more than 1 handler type");
      } else if (gracePeriod != null) {
        long seconds = sleep.getSeconds() == null ? 0 : sleep.getSeconds();
        if (seconds <= 0 || seconds > gracePeriod) {
          errs.invalid(field.child("sleep"), seconds, "must be greater than 0 and less than "
              + "terminationGracePeriodSeconds (" + gracePeriod + "). Enable AllowPodLifecycleSleepActionZeroValue "
              + "feature gate for zero sleep.");
        }
      }
    }
    if (num == 0) {
      errs.required(field, "must specify a handler type");
    }
    return errs;
  }

  private static ErrorList validateHTTPGetAction(HTTPGetAction http, Path field) {
    ErrorList errs = new ErrorList();
    if (http.getPath() == null || http.getPath().isEmpty()) {
      errs.required(field.child("path"), "");
    }
    errs.addAll(validatePortNumOrName(http.getPort(), field.child("port")));
    String scheme = http.getScheme() == null ? "" : http.getScheme();
    if (!scheme.equals("HTTP") && !scheme.equals("HTTPS")) {
      errs.notSupported(field.child("scheme"), scheme, List.of("HTTP", "HTTPS"));
    }
    if (http.getHttpHeaders() != null) {
      for (HTTPHeader h : http.getHttpHeaders()) {
        String name = h.getName() == null ? "" : h.getName();
        errs.invalidEach(field.child("httpHeaders"), name, Validation.isHTTPHeaderName(name));
      }
    }
    return errs;
  }

  /** {@code ValidatePortNumOrName}: a number in 1-65535 or an IANA service name. */
  public static ErrorList validatePortNumOrName(IntOrString port, Path field) {
    ErrorList errs = new ErrorList();
    if (port == null) {
      return errs.invalidEach(field, 0, Validation.isValidPortNum(0));
    }
    if (port.getStrVal() != null) {
      errs.invalidEach(field, port.getStrVal(), Validation.isValidPortName(port.getStrVal()));
    } else {
      int n = intOf(port.getIntVal());
      errs.invalidEach(field, n, Validation.isValidPortNum(n));
    }
    return errs;
  }

  static int intOf(Integer i) {
    return i == null ? 0 : i;
  }
}
