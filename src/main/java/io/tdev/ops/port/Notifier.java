package io.tdev.ops.port;

/** SNS. */
public interface Notifier {
    /** Publishes to a topic (name or ARN); returns the message id. */
    String publish(String topic, String subject, String message);
}
