package io.tdev.ops.port;

import io.tdev.ops.model.SecurityGroup;

import java.util.List;

/** EC2 security groups (read only: the daily security check looks at their inbound rules). */
public interface SecurityGroups {
    /** Every security group whose name contains {@code text} (case-sensitive, as EC2's name filter), every page. */
    List<SecurityGroup> nameContaining(String text);
}
