package io.jenkins.plugins.tdevops;

import hudson.model.Run;
import jenkins.model.RunAction2;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the tdev steps found, on the build page (summary.jelly) and at {@code BUILD_URL/tdev-ops/} (index.jelly): each
 * health check's verdict with its signals, each pre-deploy checklist's items with their evidence, each rollback from
 * which revision to which, so a release manager sees why the build is red without reading the log. One action per
 * build, an entry per step call, kept in build.xml. A new step records its result with {@link #record} and a
 * {@link ResultEntry} factory of its own.
 */
public final class TdevResultsAction implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(TdevResultsAction.class.getName());

    private final List<ResultEntry> entries = new ArrayList<>();
    private transient Run<?, ?> run;

    /** Adds {@code entry} to the build's results (creating the action on the first one) and saves the build. */
    static void record(Run<?, ?> run, ResultEntry entry) {
        if (run == null || entry == null) {
            return;
        }
        synchronized (run) {
            TdevResultsAction action = run.getAction(TdevResultsAction.class);
            if (action == null) {
                action = new TdevResultsAction();
                run.addAction(action);
            }
            action.add(entry);
            try {
                run.save();
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "could not save the tdev-ops results of " + run, e);
            }
        }
    }

    private synchronized void add(ResultEntry entry) {
        entries.add(entry);
    }

    public synchronized List<ResultEntry> getEntries() {
        return Collections.unmodifiableList(new ArrayList<>(entries));
    }

    /** The build these results belong to (for the index view's side panel). */
    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return "clipboard.png";
    }

    @Override
    public String getDisplayName() {
        return "T-Developer Ops results";
    }

    @Override
    public String getUrlName() {
        return "tdev-ops";
    }
}
