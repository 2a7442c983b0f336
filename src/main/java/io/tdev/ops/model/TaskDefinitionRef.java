package io.tdev.ops.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task-definition revision. ECS returns either a full ARN
 * ({@code arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REV}) or {@code FAMILY:REV}; both parse here,
 * and everything downstream works on family and revision.
 */
public record TaskDefinitionRef(String family, int revision) implements Comparable<TaskDefinitionRef> {
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:ecs:[^:]*:[0-9]*:task-definition/([A-Za-z0-9_-]{1,255}):([0-9]+)");
    private static final Pattern SHORT = Pattern.compile("([A-Za-z0-9_-]{1,255}):([0-9]+)");

    public TaskDefinitionRef {
        Checks.notBlank(family, "taskDefinition.family");
        if (revision < 1) {
            throw new InvalidInputException("taskDefinition.revision", "must be 1 or more, got " + revision);
        }
    }

    /** Parses {@code family:revision} or a task-definition ARN. */
    public static TaskDefinitionRef parse(String text) {
        if (text == null) {
            throw new InvalidInputException("taskDefinition", "must not be empty");
        }
        String t = text.trim();
        Matcher m = ARN.matcher(t);
        if (!m.matches()) {
            m = SHORT.matcher(t);
        }
        if (!m.matches()) {
            throw new InvalidInputException("taskDefinition",
                    "got '" + text + "'; allowed forms: FAMILY:REVISION or arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION");
        }
        return new TaskDefinitionRef(m.group(1), Integer.parseInt(m.group(2)));
    }

    public static boolean looksLikeRef(String text) {
        return text != null && (ARN.matcher(text.trim()).matches() || SHORT.matcher(text.trim()).matches());
    }

    public TaskDefinitionRef withRevision(int newRevision) {
        return new TaskDefinitionRef(family, newRevision);
    }

    @Override
    public int compareTo(TaskDefinitionRef o) {
        int c = family.compareTo(o.family);
        return c != 0 ? c : Integer.compare(revision, o.revision);
    }

    @Override
    public String toString() {
        return family + ":" + revision;
    }
}
