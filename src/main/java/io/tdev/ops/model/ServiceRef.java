package io.tdev.ops.model;

/** An ECS service in a cluster. */
public record ServiceRef(String cluster, String service) {
    public ServiceRef {
        Checks.notBlank(cluster, "cluster");
        Checks.notBlank(service, "service");
    }

    @Override
    public String toString() {
        return cluster + "/" + service;
    }
}
