package io.tdev.ops.model;

import java.time.Instant;

public record StoredObject(String key, long size, Instant lastModified) {
}
