package io.tdev.ops.api.fleet;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.fleet.FleetHealth;

/**
 * Health of many services in one run (issue 14, goal 4): DescribeServices in batches of 10, one alarm sweep, one
 * target-group sweep, every metric in as few GetMetricData calls as the 500-query limit allows, ERROR counts from
 * one Logs Insights query per 50 log groups; every API within its client-side rate budget.
 */
public interface FleetHealthUseCase {
    FleetHealthResult run(FleetHealthRequest request);

    static FleetHealthUseCase over(OpsContext context) {
        return new FleetHealth(context);
    }
}
