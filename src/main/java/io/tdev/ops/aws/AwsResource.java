package io.tdev.ops.aws;

/**
 * What an AWS call is about, so that a failure can name it: {@code kind} ("ECS cluster"), {@code name}
 * ({@code t-developer-cluster-production}) and the environment config field that set the name
 * ({@code ecs.cluster}), or null when the name came from the command's arguments or from AWS itself.
 */
public record AwsResource(String kind, String name, String configField) {

    public static AwsResource of(String kind, String name, String configField) {
        return new AwsResource(kind, name, configField);
    }

    /** A resource whose name did not come from the environment config (an argument, or found in AWS). */
    public static AwsResource given(String kind, String name) {
        return new AwsResource(kind, name, null);
    }

    /** "ECS cluster 't-developer-cluster-production' (environment config field ecs.cluster)". */
    public String describe() {
        return kind + " '" + name + "'" + (configField != null ? " (environment config field " + configField + ")" : "");
    }

    /** What to do about it being missing. */
    String fixHint() {
        return configField != null
                ? "check " + configField + " in the environment config and the region/account you are using"
                : "check the name you gave and the region/account you are using";
    }
}
