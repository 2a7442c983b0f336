package io.jenkins.plugins.tdevops;

import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.Serializable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine a waiting step talks to, opened on first use and again after a restart (the AWS clients are not
 * serializable: only the {@link Connection} is kept), closed when the step ends.
 */
final class EngineSession implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(EngineSession.class.getName());

    private final Connection connection;
    private transient volatile OpenedTdevOps opened;

    EngineSession(Connection connection) {
        this.connection = connection;
    }

    OpenedTdevOps open(StepContext context) throws Exception {
        OpenedTdevOps current = opened;
        if (current == null) {
            current = TdevOpsFactory.open(context, connection);
            opened = current;
        }
        return current;
    }

    void closeQuietly() {
        OpenedTdevOps current = opened;
        opened = null;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                LOGGER.log(Level.FINE, "closing the engine's AWS clients failed", e);
            }
        }
    }
}
