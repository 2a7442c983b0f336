package io.tdev.ops.port;

/** SNS. */
public interface Notifier {
    /** The longest subject SNS accepts. */
    int MAX_SUBJECT = 100;

    /**
     * Publishes to a topic (name or ARN); returns the message id. The message is 1 byte to 256 KB of UTF-8 (else an
     * InvalidInputException naming {@code message}); the subject goes out as {@link #subjectLine} makes it, so a
     * long or multi-line subject never fails the alert.
     */
    String publish(String topic, String subject, String message);

    /**
     * The subject as SNS accepts it: one line of at most {@value #MAX_SUBJECT} printable ASCII characters (line breaks
     * become spaces, other characters '?', a longer one is cut with "..."); null when there is none.
     */
    static String subjectLine(String subject) {
        if (subject == null || subject.isBlank()) {
            return null;
        }
        String oneLine = subject.replaceAll("[\\r\\n\\t]+", " ").replaceAll("[^\\x20-\\x7E]", "?").strip();
        return oneLine.length() <= MAX_SUBJECT ? oneLine : oneLine.substring(0, MAX_SUBJECT - 3) + "...";
    }
}
