package io.tdev.ops.sim;

import io.tdev.ops.port.Webhooks;

import java.util.ArrayList;
import java.util.List;

/** Chat webhooks: every post is kept (URL and text) for tests and the demo; answers 200. */
final class SimWebhooks implements Webhooks {
    record Post(String url, String text) {
    }

    private final SimWorld world;
    private final List<Post> posts = new ArrayList<>();

    SimWebhooks(SimWorld world) {
        this.world = world;
    }

    @Override
    public int post(String url, String text) {
        return world.call(Api.WEBHOOK_POST, () -> {
            posts.add(new Post(url, text));
            return 200;
        });
    }

    List<Post> posts() {
        return List.copyOf(posts);
    }
}
