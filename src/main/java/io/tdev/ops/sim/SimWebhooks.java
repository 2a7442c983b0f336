package io.tdev.ops.sim;

import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Webhooks;

import java.util.ArrayList;
import java.util.List;

/**
 * Chat webhooks: every post is kept (URL and text) for tests and the demo; answers 200. A URL or text a channel
 * cannot take is refused before anything is counted, as the HTTP adapter refuses it before it sends.
 */
final class SimWebhooks implements Webhooks {
    record Post(String url, String text) {
    }

    private final SimWorld world;
    private final List<Post> posts = new ArrayList<>();

    SimWebhooks(SimWorld world) {
        this.world = world;
    }

    /** A simulated fault stands for the channel answering an error: named by host, never retried, as over HTTP. */
    @Override
    public int post(String url, String text) {
        String call = Webhooks.call(Webhooks.requireValid(url, text));
        try {
            return world.call(Api.WEBHOOK_POST, () -> {
                posts.add(new Post(url, text));
                return 200;
            });
        } catch (RemoteFailureException e) {
            throw new RemoteFailureException(call, call + " failed (" + e.getMessage()
                    + "; not retried: a retry may post twice)", false, e);
        }
    }

    List<Post> posts() {
        return List.copyOf(posts);
    }
}
