package io.tdev.ops.model;

import java.time.Instant;

/**
 * One state change of a CloudWatch alarm, as its history keeps it (CloudWatch: DescribeAlarmHistory, 14 days).
 *
 * @param reason CloudWatch's reason for the new state ("Threshold Crossed: ...")
 */
public record AlarmStateChange(String alarmName, Instant at, AlarmState from, AlarmState to, String reason) {
}
