package io.tdev.ops.sim;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Notifier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** SNS: the environment's alert topic, by name or ARN, and an inbox of what was published. */
final class SimNotifier implements Notifier {
    private final SimWorld world;
    private final List<SimNotification> inbox = new ArrayList<>();

    SimNotifier(SimWorld world) {
        this.world = world;
    }

    String topicArn() {
        String topic = world.config.topic();
        return topic.startsWith("arn:") ? topic : world.arn("sns", topic);
    }

    @Override
    public String publish(String topic, String subject, String message) {
        return world.call(Api.PUBLISH, () -> {
            String arn = topicArn();
            if (topic == null || !(topic.equals(arn) || arn.endsWith(":" + topic))) {
                throw new PreconditionFailedException("SNS topic " + topic + " not found (NotFound: Topic does not exist); "
                        + "this environment's topic is " + arn);
            }
            if (message == null || message.isBlank()) {
                throw new InvalidInputException("message", "must not be empty");
            }
            if (message.getBytes(StandardCharsets.UTF_8).length > 262_144) {
                throw new RemoteFailureException(Api.PUBLISH, Api.PUBLISH + " failed: InvalidParameter: message is longer than 256 KB", false);
            }
            if (subject != null && (subject.length() > 100 || subject.chars().anyMatch(c -> c < 32 || c > 126))) {
                throw new RemoteFailureException(Api.PUBLISH, Api.PUBLISH
                        + " failed: InvalidParameter: Subject must be ASCII, at most 100 characters, without line breaks", false);
            }
            String id = world.ids.uuid("sns-message");
            inbox.add(new SimNotification(arn, subject, message, id, world.now()));
            return id;
        });
    }

    List<SimNotification> inbox() {
        return List.copyOf(inbox);
    }
}
