package io.tdev.ops.api.health;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.health.HealthCheck;
import io.tdev.ops.report.MarkdownReport;

/**
 * One health verdict from every signal of the service (read-only). The result's components are the JSON contract
 * (README, {@code JsonContractKeysTest}); its Markdown is rendered here, once, for every front end.
 */
@FunctionalInterface
public interface HealthUseCase {
    HealthResult run(HealthRequest request);

    static HealthUseCase over(OpsContext context) {
        return request -> {
            HealthResult result = new HealthCheck(context).run(request.options());
            return result.withMarkdown(MarkdownReport.health(result));
        };
    }
}
