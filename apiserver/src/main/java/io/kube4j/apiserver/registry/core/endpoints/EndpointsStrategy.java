package io.kube4j.apiserver.registry.core.endpoints;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.LabelValidation;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import io.kube4j.apiserver.validation.core.ServiceValidation;
import java.util.List;

/** {@code endpointsStrategy}: {@code ValidateEndpoints}; create-on-update allowed. */
public final class EndpointsStrategy implements Strategy<Endpoints> {

  private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");

  /** {@code SetDefaults_Endpoints}: ports default to TCP. */
  @Override
  public void applyDefaults(Endpoints ep) {
    if (ep.getSubsets() != null) {
      ep.getSubsets().stream().filter(s -> s.getPorts() != null).flatMap(s -> s.getPorts().stream())
          .filter(p -> p.getProtocol() == null || p.getProtocol().isEmpty()).forEach(p -> p.setProtocol("TCP"));
    }
  }

  @Override
  public List<FieldError> validate(Endpoints ep) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(ep.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    List<EndpointSubset> subsets = ep.getSubsets() == null ? List.of() : ep.getSubsets();
    for (int i = 0; i < subsets.size(); i++) {
      EndpointSubset ss = subsets.get(i);
      Path idx = Path.root("subsets").index(i);
      List<EndpointAddress> addresses = ss.getAddresses() == null ? List.of() : ss.getAddresses();
      List<EndpointAddress> notReady = ss.getNotReadyAddresses() == null ? List.of() : ss.getNotReadyAddresses();
      if (addresses.isEmpty() && notReady.isEmpty()) {
        errs.required(idx, "must specify `addresses` or `notReadyAddresses`");
      }
      for (int a = 0; a < addresses.size(); a++) {
        errs.addAll(validateAddress(addresses.get(a), idx.child("addresses").index(a)));
      }
      for (int a = 0; a < notReady.size(); a++) {
        errs.addAll(validateAddress(notReady.get(a), idx.child("notReadyAddresses").index(a)));
      }
      List<EndpointPort> ports = ss.getPorts() == null ? List.of() : ss.getPorts();
      for (int p = 0; p < ports.size(); p++) {
        errs.addAll(validatePort(ports.get(p), ports.size() > 1, idx.child("ports").index(p)));
      }
    }
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(Endpoints ep, Endpoints old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(ep.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    errs.addAll(validate(ep));
    return errs;
  }

  @Override
  public boolean allowCreateOnUpdate() {
    return true;
  }

  private static ErrorList validateAddress(EndpointAddress a, Path field) {
    String ip = a.getIp() == null ? "" : a.getIp();
    ErrorList errs = Validation.isValidIP(field.child("ip"), ip);
    if (a.getHostname() != null && !a.getHostname().isEmpty()) {
      errs.invalidEach(field.child("hostname"), a.getHostname(), Validation.isDNS1123Label(a.getHostname()));
    }
    if (a.getNodeName() != null) {
      errs.invalidEach(field.child("nodeName"), a.getNodeName(), NameValidator.DNS_SUBDOMAIN.validate(a.getNodeName(), false));
    }
    if (!Validation.isValidIP(field, ip).isEmpty()) {
      errs.invalid(field.child("ip"), ip, "must be a valid IP address");
    } else {
      errs.addAll(ServiceValidation.validateNonSpecialIP(ip, field.child("ip")));
    }
    return errs;
  }

  private static ErrorList validatePort(EndpointPort p, boolean requireName, Path field) {
    ErrorList errs = new ErrorList();
    String name = p.getName() == null ? "" : p.getName();
    if (requireName && name.isEmpty()) {
      errs.required(field.child("name"), "");
    } else if (!name.isEmpty()) {
      errs.invalidEach(field.child("name"), name, Validation.isDNS1123Label(name));
    }
    int port = p.getPort() == null ? 0 : p.getPort();
    errs.invalidEach(field.child("port"), port, Validation.isValidPortNum(port));
    String protocol = p.getProtocol() == null ? "" : p.getProtocol();
    if (protocol.isEmpty()) {
      errs.required(field.child("protocol"), "");
    } else if (!PROTOCOLS.contains(protocol)) {
      errs.notSupported(field.child("protocol"), protocol, PROTOCOLS);
    }
    if (p.getAppProtocol() != null) {
      errs.addAll(LabelValidation.validateLabelName(p.getAppProtocol(), field.child("appProtocol")));
    }
    return errs;
  }
}
