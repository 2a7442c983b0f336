package io.tdev.ops.sim;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Notifier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * SNS: the environment's alert topic and the topics its escalation policies name ({@code sns:NAME-or-ARN}), by
 * name or ARN, and an inbox of what was published (with the topic's ARN).
 */
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
            String arn = topicArns().stream().filter(a -> topic != null && (topic.equals(a) || a.endsWith(":" + topic)))
                    .findFirst().orElseThrow(() -> new PreconditionFailedException("SNS topic " + topic
                            + " not found (NotFound: Topic does not exist); this environment's topic is " + topicArn()));
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

    private List<String> topicArns() {
        List<String> arns = new ArrayList<>(List.of(topicArn()));
        world.config.escalation().policies().values().stream().map(p -> p.channel()).filter(c -> c.startsWith("sns:"))
                .map(c -> c.substring(4)).map(t -> t.startsWith("arn:") ? t : world.arn("sns", t)).forEach(arns::add);
        return arns;
    }

    List<SimNotification> inbox() {
        return List.copyOf(inbox);
    }
}
