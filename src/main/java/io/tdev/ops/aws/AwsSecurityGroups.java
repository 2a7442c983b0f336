package io.tdev.ops.aws;

import io.tdev.ops.model.IngressRule;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.SecurityGroup;
import io.tdev.ops.port.SecurityGroups;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link SecurityGroups} on EC2: DescribeSecurityGroups filtered by {@code group-name} with wildcards
 * ({@code *t-developer*}), every page (1,000 groups a page). EC2's own wildcards in the name are escaped, so the
 * text matches literally.
 * <p>
 * {@code new AwsSecurityGroups(ec2)}.
 */
public final class AwsSecurityGroups implements SecurityGroups {
    static final int PAGE_SIZE = 1000;

    private final Ec2Client ec2;

    public AwsSecurityGroups(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    @Override
    public List<SecurityGroup> nameContaining(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException("text", "must not be empty");
        }
        Filter byName = Filter.builder().name("group-name").values("*" + escapeWildcards(text) + "*").build();
        return AwsCall.run("ec2:DescribeSecurityGroups", () -> {
            List<SecurityGroup> groups = new ArrayList<>();
            ec2.describeSecurityGroupsPaginator(r -> r.filters(byName).maxResults(PAGE_SIZE)).securityGroups()
                    .forEach(g -> groups.add(new SecurityGroup(g.groupId(), g.groupName(), g.vpcId(),
                            g.ipPermissions().stream().map(AwsSecurityGroups::rule).toList())));
            return groups;
        });
    }

    private static IngressRule rule(IpPermission p) {
        List<String> cidrs = new ArrayList<>();
        p.ipRanges().forEach(r -> cidrs.add(r.cidrIp()));
        p.ipv6Ranges().forEach(r -> cidrs.add(r.cidrIpv6()));
        List<String> groups = p.userIdGroupPairs().stream().map(g -> g.groupId()).toList();
        // "-1" (every protocol) carries no ports; tcp/udp with -1..-1 is not valid, so null means "every port"
        return new IngressRule(p.ipProtocol(), p.fromPort(), p.toPort(), cidrs, groups);
    }

    /** EC2 filter values treat {@code *}, {@code ?} and {@code \} specially; a backslash escapes them. */
    static String escapeWildcards(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }
}
