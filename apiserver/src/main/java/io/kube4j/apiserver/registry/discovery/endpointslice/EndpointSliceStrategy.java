package io.kube4j.apiserver.registry.discovery.endpointslice;

import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.Generation;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.IpAddresses;
import io.kube4j.apiserver.validation.LabelValidation;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** {@code endpointSliceStrategy} and {@code ValidateEndpointSlice}. */
public final class EndpointSliceStrategy implements Strategy<EndpointSlice> {

  static final int MAX_ENDPOINTS = 1000;
  static final int MAX_ADDRESSES = 100;
  static final int MAX_PORTS = 20000;
  private static final List<String> ADDRESS_TYPES = List.of("FQDN", "IPv4", "IPv6");
  private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");

  @Override
  public void prepareForCreate(EndpointSlice slice) {
    slice.getMetadata().setGeneration(1L);
  }

  @Override
  public void prepareForUpdate(EndpointSlice slice, EndpointSlice old) {
    boolean changed = !Objects.equals(slice.getEndpoints(), old.getEndpoints())
        || !Objects.equals(slice.getPorts(), old.getPorts())
        || !Objects.equals(slice.getAddressType(), old.getAddressType());
    Generation.advance(slice, old, changed);
  }

  @Override
  public List<FieldError> validate(EndpointSlice slice) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(slice.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    String type = slice.getAddressType() == null ? "" : slice.getAddressType();
    if (type.isEmpty()) {
      errs.required(Path.root("addressType"), "");
    } else if (!ADDRESS_TYPES.contains(type)) {
      errs.notSupported(Path.root("addressType"), type, ADDRESS_TYPES);
    }
    errs.addAll(validateEndpoints(slice.getEndpoints() == null ? List.of() : slice.getEndpoints(), type,
        Path.root("endpoints")));
    errs.addAll(validatePorts(slice.getPorts() == null ? List.of() : slice.getPorts(), Path.root("ports")));
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(EndpointSlice slice, EndpointSlice old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(slice.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    errs.addAll(validate(slice));
    errs.addAll(ObjectMetaValidation.validateImmutableField(nz(slice.getAddressType()), nz(old.getAddressType()),
        Path.root("addressType")));
    return errs;
  }

  private static ErrorList validateEndpoints(List<Endpoint> endpoints, String type, Path field) {
    ErrorList errs = new ErrorList();
    if (endpoints.size() > MAX_ENDPOINTS) {
      return errs.tooMany(field, endpoints.size(), MAX_ENDPOINTS);
    }
    for (int i = 0; i < endpoints.size(); i++) {
      Endpoint ep = endpoints.get(i);
      Path idx = field.index(i);
      Path addrPath = idx.child("addresses");
      List<String> addresses = ep.getAddresses() == null ? List.of() : ep.getAddresses();
      if (addresses.isEmpty()) {
        errs.required(addrPath, "must contain at least 1 address");
      } else if (addresses.size() > MAX_ADDRESSES) {
        errs.tooMany(addrPath, addresses.size(), MAX_ADDRESSES);
      }
      for (int a = 0; a < addresses.size(); a++) {
        String address = addresses.get(a);
        Path p = addrPath.index(a);
        switch (type) {
          case "IPv4" -> {
            if (!IpAddresses.isIPv4(address)) {
              errs.invalid(p, address, "must be a valid IPv4 address");
            }
          }
          case "IPv6" -> {
            if (!IpAddresses.isIPv6(address)) {
              errs.invalid(p, address, "must be a valid IPv6 address");
            }
          }
          case "FQDN" -> errs.invalidEach(p, address, Validation.isDNS1123Subdomain(address));
          default -> { }
        }
      }
      if (ep.getNodeName() != null) {
        errs.invalidEach(idx.child("nodeName"), ep.getNodeName(), NameValidator.DNS_SUBDOMAIN.validate(ep.getNodeName(), false));
      }
      if (ep.getHostname() != null) {
        errs.invalidEach(idx.child("hostname"), ep.getHostname(), Validation.isDNS1123Label(ep.getHostname()));
      }
      if (ep.getDeprecatedTopology() != null) {
        errs.addAll(LabelValidation.validateLabels(ep.getDeprecatedTopology(), idx.child("deprecatedTopology")));
      }
    }
    return errs;
  }

  private static ErrorList validatePorts(List<EndpointPort> ports, Path field) {
    ErrorList errs = new ErrorList();
    if (ports.size() > MAX_PORTS) {
      return errs.tooMany(field, ports.size(), MAX_PORTS);
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      EndpointPort p = ports.get(i);
      Path idx = field.index(i);
      String name = p.getName() == null ? "" : p.getName();
      if (!name.isEmpty()) {
        errs.invalidEach(idx.child("name"), name, Validation.isDNS1123Label(name));
      }
      if (!names.add(name)) {
        errs.duplicate(idx.child("name"), name);
      }
      String protocol = p.getProtocol() == null ? "" : p.getProtocol();
      if (protocol.isEmpty()) {
        errs.required(idx.child("protocol"), "");
      } else if (!PROTOCOLS.contains(protocol)) {
        errs.notSupported(idx.child("protocol"), protocol, PROTOCOLS);
      }
      if (p.getPort() != null) {
        errs.invalidEach(idx.child("port"), p.getPort(), Validation.isValidPortNum(p.getPort()));
      }
      if (p.getAppProtocol() != null) {
        errs.addAll(LabelValidation.validateLabelName(p.getAppProtocol(), idx.child("appProtocol")));
      }
    }
    return errs;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
