package io.tdev.ops.sim;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
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
        // as AwsNotifier: the message is checked before anything is sent, and the subject made one that SNS takes
        if (message == null || message.isEmpty() || message.getBytes(StandardCharsets.UTF_8).length > 262_144) {
            throw new InvalidInputException("message", "must be 1 byte to 256 KB of UTF-8");
        }
        String subjectLine = Notifier.subjectLine(subject);
        return world.call(Api.PUBLISH, () -> {
            String arn = topicArns().stream().filter(a -> topic != null && (topic.equals(a) || a.endsWith(":" + topic)))
                    .findFirst().orElseThrow(() -> new PreconditionFailedException("SNS topic " + topic
                            + " not found (NotFound: Topic does not exist); this environment's topic is " + topicArn()));
            String id = world.ids.uuid("sns-message");
            inbox.add(new SimNotification(arn, subjectLine, message, id, world.now()));
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
