package io.tdev.ops.sim;

import io.tdev.ops.model.IngressRule;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.SecurityGroup;
import io.tdev.ops.port.SecurityGroups;

import java.util.ArrayList;
import java.util.List;

/**
 * EC2 security groups of the service's VPC: the ALB's (443 open to the internet, IPv4 and IPv6), the tasks' (8080
 * from the ALB's group only), the cache's (6379 from the VPC), the VPC's {@code default}, and a shared bastion group
 * outside the environment's names with 22 open to the internet (a check of {@code *t-developer*} must not count it).
 * DescribeSecurityGroups answers a page of {@link #PAGE} groups per call, as its MaxResults does.
 */
final class SimSecurityGroups implements SecurityGroups {
    static final int PAGE = 2;
    static final String ANYWHERE_V4 = "0.0.0.0/0";
    static final String ANYWHERE_V6 = "::/0";

    private final SimWorld world;
    private final List<SecurityGroup> groups = new ArrayList<>();

    SimSecurityGroups(SimWorld world) {
        this.world = world;
        String env = world.config.name();
        String vpc = "vpc-0a1b2c3d4e5f60718";
        String alb = world.ids.hexId("sg");
        add(new SecurityGroup(alb, "t-developer-alb-" + env, vpc,
                List.of(new IngressRule("tcp", 443, 443, List.of(ANYWHERE_V4, ANYWHERE_V6), List.of()))));
        add(new SecurityGroup(world.ids.hexId("sg"), "t-developer-ecs-tasks-" + env, vpc,
                List.of(new IngressRule("tcp", 8080, 8080, List.of(), List.of(alb)))));
        add(new SecurityGroup(world.ids.hexId("sg"), "t-developer-redis-" + env, vpc,
                List.of(IngressRule.tcp(6379, "10.0.0.0/16"))));
        add(new SecurityGroup(world.ids.hexId("sg"), "default", vpc, List.of()));
        add(new SecurityGroup(world.ids.hexId("sg"), "shared-bastion", vpc, List.of(IngressRule.tcp(22, ANYWHERE_V4))));
    }

    private void add(SecurityGroup group) {
        groups.add(group);
    }

    /** Adds an inbound rule to the group whose name contains {@code nameContains} (the first one). */
    void open(String nameContains, IngressRule rule) {
        for (int i = 0; i < groups.size(); i++) {
            SecurityGroup g = groups.get(i);
            if (g.name().contains(nameContains)) {
                List<IngressRule> rules = new ArrayList<>(g.ingress());
                rules.add(rule);
                groups.set(i, new SecurityGroup(g.id(), g.name(), g.vpcId(), rules));
                return;
            }
        }
        throw new InvalidInputException("securityGroup", "no simulated group's name contains '" + nameContains + "'");
    }

    @Override
    public List<SecurityGroup> nameContaining(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException("text", "must not be empty");
        }
        List<SecurityGroup> matching = world.inspect(() -> groups.stream().filter(g -> g.name().contains(text)).toList());
        List<SecurityGroup> found = new ArrayList<>();
        // one call per page, each subject to faults, as the paginator's
        int pages = Math.max(1, (matching.size() + PAGE - 1) / PAGE);
        for (int page = 0; page < pages; page++) {
            int from = page * PAGE;
            found.addAll(world.call(Api.DESCRIBE_SECURITY_GROUPS,
                    () -> matching.subList(from, Math.min(matching.size(), from + PAGE))));
        }
        return found;
    }

    List<SecurityGroup> all() {
        return List.copyOf(groups);
    }
}
