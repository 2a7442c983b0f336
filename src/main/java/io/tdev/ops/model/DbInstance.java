package io.tdev.ops.model;

/**
 * An RDS instance as DescribeDBInstances shows it: class and status ({@code available}, {@code modifying}, ...),
 * the engine (for the classes it may move to), whether it is Multi-AZ (a class change then fails over to the
 * standby instead of taking the database down), and the class a modification is moving it to (null: none pending).
 */
public record DbInstance(String id, String instanceClass, String status, String engine, String engineVersion,
                         boolean multiAz, String pendingInstanceClass) {
    public boolean available() {
        return "available".equals(status);
    }
}
