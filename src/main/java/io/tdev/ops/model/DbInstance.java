package io.tdev.ops.model;

public record DbInstance(String id, String instanceClass, String status) {
}
