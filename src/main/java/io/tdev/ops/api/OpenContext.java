package io.tdev.ops.api;

import java.util.Objects;

/**
 * One environment opened for a front end: the context its use cases run with, and what to close when the run is
 * over (the AWS clients; nothing for a simulation). The CLI opens one per command, the Jenkins plugin one per step
 * (again after a controller restart, since AWS clients do not survive one).
 */
public record OpenContext(OpsContext context, AutoCloseable resources) implements AutoCloseable {

    public OpenContext {
        Objects.requireNonNull(context, "context");
    }

    /** The same context, also closing {@code more} (e.g. the credentials the clients sign with) after its own. */
    public OpenContext alsoClosing(AutoCloseable more) {
        AutoCloseable mine = resources;
        return new OpenContext(context, () -> {
            try {
                if (mine != null) {
                    mine.close();
                }
            } finally {
                if (more != null) {
                    more.close();
                }
            }
        });
    }

    @Override
    public void close() throws Exception {
        if (resources != null) {
            resources.close();
        }
    }
}
