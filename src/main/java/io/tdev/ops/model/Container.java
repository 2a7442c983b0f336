package io.tdev.ops.model;

/** A container of a task definition: its name and image. */
public record Container(String name, String image, boolean essential) {
}
