package io.kube4j.apiserver.runtime.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;

/**
 * One {@code generated.proto} file being edited before it is built: a small vocabulary to write
 * message definitions in Java the way they read in a {@code .proto} file
 * ({@code message("LeaseSpec", string("holderIdentity", 1), int32("leaseDurationSeconds", 2))}).
 *
 * <p>Every Kubernetes message is proto2 with {@code optional}, {@code repeated} or {@code map}
 * fields, so that is all this vocabulary offers. A type name starting with a dot is fully
 * qualified ({@code .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta}); any other is a message of
 * this file's own package, as in the upstream files.
 */
final class ProtoFile {

  /** A field to add; {@code mapValue} is set for {@code map<string, V>} fields. */
  record Field(String name, int number, Type type, String typeName, boolean repeated, Field mapValue) {}

  private final FileDescriptorProto.Builder file;

  ProtoFile(FileDescriptorProto.Builder file) {
    this.file = file;
  }

  /** A new, empty file {@code path} declaring {@code protoPackage} and importing {@code imports}. */
  static ProtoFile create(String path, String protoPackage, String... imports) {
    FileDescriptorProto.Builder file = FileDescriptorProto.newBuilder()
        .setName(path)
        .setPackage(protoPackage);
    for (String imported : imports) {
      file.addDependency(imported);
    }
    return new ProtoFile(file);
  }

  FileDescriptorProto.Builder proto() {
    return file;
  }

  /** Adds message {@code name}; a message the file already has is left as it is. */
  ProtoFile message(String name, Field... fields) {
    for (DescriptorProto existing : file.getMessageTypeList()) {
      if (existing.getName().equals(name)) {
        return this;
      }
    }
    DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(name);
    for (Field field : fields) {
      add(message, field);
    }
    file.addMessageType(message);
    return this;
  }

  /**
   * Adds fields to an existing message. A field number the message already has is skipped, so a
   * newer client-java-proto that caught up with upstream does not break the build of the file.
   */
  ProtoFile extend(String messageName, Field... fields) {
    for (DescriptorProto.Builder message : file.getMessageTypeBuilderList()) {
      if (message.getName().equals(messageName)) {
        for (Field field : fields) {
          boolean known = message.getFieldList().stream()
              .anyMatch(existing -> existing.getNumber() == field.number());
          if (!known) {
            add(message, field);
          }
        }
        return this;
      }
    }
    throw new IllegalStateException(file.getName() + " has no message " + messageName);
  }

  private void add(DescriptorProto.Builder message, Field field) {
    FieldDescriptorProto.Builder proto = FieldDescriptorProto.newBuilder()
        .setName(field.name())
        .setNumber(field.number())
        .setLabel(field.repeated() ? Label.LABEL_REPEATED : Label.LABEL_OPTIONAL);
    if (field.mapValue() != null) {
      // protoc turns `map<string, V> labels = 11` into a nested LabelsEntry message and a
      // repeated field of it; protobuf-java recognises maps by that shape and map_entry = true.
      String entryName = Character.toUpperCase(field.name().charAt(0)) + field.name().substring(1)
          + "Entry";
      DescriptorProto.Builder entry = DescriptorProto.newBuilder()
          .setName(entryName)
          .setOptions(MessageOptions.newBuilder().setMapEntry(true));
      add(entry, string("key", 1));
      add(entry, field.mapValue());
      message.addNestedType(entry);
      proto.setType(Type.TYPE_MESSAGE)
          .setTypeName("." + file.getPackage() + "." + message.getName() + "." + entryName);
    } else {
      proto.setType(field.type());
      if (field.type() == Type.TYPE_MESSAGE) {
        proto.setTypeName(qualify(field.typeName()));
      }
    }
    message.addField(proto);
  }

  private String qualify(String typeName) {
    return typeName.startsWith(".") ? typeName : "." + file.getPackage() + "." + typeName;
  }

  static Field string(String name, int number) {
    return new Field(name, number, Type.TYPE_STRING, null, false, null);
  }

  static Field int32(String name, int number) {
    return new Field(name, number, Type.TYPE_INT32, null, false, null);
  }

  static Field int64(String name, int number) {
    return new Field(name, number, Type.TYPE_INT64, null, false, null);
  }

  static Field bool(String name, int number) {
    return new Field(name, number, Type.TYPE_BOOL, null, false, null);
  }

  static Field message(String name, int number, String typeName) {
    return new Field(name, number, Type.TYPE_MESSAGE, typeName, false, null);
  }

  static Field repeatedString(String name, int number) {
    return new Field(name, number, Type.TYPE_STRING, null, true, null);
  }

  static Field repeatedInt64(String name, int number) {
    return new Field(name, number, Type.TYPE_INT64, null, true, null);
  }

  static Field repeatedMessage(String name, int number, String typeName) {
    return new Field(name, number, Type.TYPE_MESSAGE, typeName, true, null);
  }

  /** {@code map<string, string>}. */
  static Field stringMap(String name, int number) {
    return new Field(name, number, Type.TYPE_MESSAGE, null, true, string("value", 2));
  }

  /** {@code map<string, V>} for a message type V. */
  static Field messageMap(String name, int number, String valueTypeName) {
    return new Field(name, number, Type.TYPE_MESSAGE, null, true, message("value", 2, valueTypeName));
  }
}
