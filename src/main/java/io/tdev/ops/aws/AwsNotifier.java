package io.tdev.ops.aws;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.port.Notifier;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@link Notifier} on SNS Publish. A topic given by name (the environment config's {@code topic}) becomes
 * {@code arn:PARTITION:sns:REGION:ACCOUNT:NAME} with the caller's account from STS GetCallerIdentity and the SNS
 * client's region. Chosen over searching ListTopics because GetCallerIdentity needs no IAM permission and is one
 * call, whereas ListTopics needs {@code sns:ListTopics} on {@code *} and pages through every topic of the
 * account; a topic in another account or region is given as an ARN and used as is.
 * <p>
 * {@code new AwsNotifier(sns, sts)}.
 */
public final class AwsNotifier implements Notifier {
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}(\\.fifo)?");
    private static final int MAX_MESSAGE_BYTES = 256 * 1024;

    private final SnsClient sns;
    private final StsClient sts;
    private final Map<String, String> arnByName = new ConcurrentHashMap<>();

    public AwsNotifier(SnsClient sns, StsClient sts) {
        this.sns = sns;
        this.sts = sts;
    }

    @Override
    public String publish(String topic, String subject, String message) {
        if (message == null || message.isEmpty() || message.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw new InvalidInputException("message", "must be 1 byte to 256 KB of UTF-8");
        }
        String arn = topicArn(topic);
        String safeSubject = Notifier.subjectLine(subject);
        return ResourceCall.run("sns:Publish", "topic", arn, "topic",
                () -> sns.publish(r -> r.topicArn(arn).subject(safeSubject).message(message)).messageId());
    }

    String topicArn(String topic) {
        if (topic != null && topic.startsWith("arn:")) {
            return topic;
        }
        if (topic == null || !TOPIC_NAME.matcher(topic).matches()) {
            throw new InvalidInputException("topic", "got '" + topic + "'; allowed: an SNS topic ARN, or a name of 1 to 256"
                    + " of the characters A-Z a-z 0-9 _ - (optionally ending in .fifo)");
        }
        return arnByName.computeIfAbsent(topic, name -> {
            Region region = sns.serviceClientConfiguration().region();
            String account = AwsCall.run("sts:GetCallerIdentity", () -> sts.getCallerIdentity().account());
            String partition = region.metadata() != null ? region.metadata().partition().id() : "aws";
            return "arn:" + partition + ":sns:" + region.id() + ":" + account + ":" + name;
        });
    }

}
