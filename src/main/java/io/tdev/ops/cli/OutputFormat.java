package io.tdev.ops.cli;

/** How a command prints its result on stdout. */
public enum OutputFormat {
    text, json, markdown
}
