package io.tdev.ops.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A registered task-definition revision. {@code status} is ACTIVE or INACTIVE (deregistered);
 * {@code tags} carry the known-good mark. {@code cpu}/{@code memory} are the task-level sizes as ECS stores them.
 */
public record TaskDefinition(TaskDefinitionRef ref, String arn, String status, List<Container> containers,
                             Map<String, String> tags, Instant registeredAt) {
    public TaskDefinition {
        containers = List.copyOf(containers);
        tags = Map.copyOf(tags);
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
