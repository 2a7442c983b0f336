package io.tdev.ops.api;

/**
 * What every typed use-case result says besides its own facts: whether the operation finished as asked (a check
 * passed, an SLO was met, a change completed) and a Markdown rendering for people. Callers decide on {@link #ok()},
 * never on message text. The record's components are its contract: {@link PlainValues#of(Object)} turns them into
 * the JSON keys and the plugin step's return value.
 */
public interface Outcome {
    /** True when the operation finished as asked; the CLI exits 0, a pipeline step goes on. */
    boolean ok();

    /** The result for people: tables and (where a trend matters) inline SVG. */
    String markdown();
}
