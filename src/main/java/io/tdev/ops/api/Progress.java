package io.tdev.ops.api;

/** Receives lines a person watches during long work ("waiting for ... (2m10s of 10m)"). */
@FunctionalInterface
public interface Progress {
    void report(String line);

    Progress NONE = line -> { };
}
