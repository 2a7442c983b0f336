package io.tdev.ops.sim;

import io.tdev.ops.model.Container;
import io.tdev.ops.model.TaskDefinition;
import io.tdev.ops.model.TaskDefinitionRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A registered revision as ECS keeps it: status and tags change, the containers never do. */
final class SimTaskDefinition {
    final TaskDefinitionRef ref;
    final List<Container> containers;
    final Instant registeredAt;
    final String cpu;
    final String memory;
    String status = "ACTIVE";
    final Map<String, String> tags = new TreeMap<>();

    SimTaskDefinition(TaskDefinitionRef ref, List<Container> containers, Instant registeredAt, String cpu, String memory) {
        this.ref = ref;
        this.containers = List.copyOf(containers);
        this.registeredAt = registeredAt;
        this.cpu = cpu;
        this.memory = memory;
    }

    TaskDefinition view(String arn) {
        return new TaskDefinition(ref, arn, status, containers, tags, registeredAt);
    }

    /** The image of the first essential container: the one whose behaviour decides the task's. */
    String mainImage() {
        return containers.stream().filter(Container::essential).findFirst().orElse(containers.get(0)).image();
    }
}
