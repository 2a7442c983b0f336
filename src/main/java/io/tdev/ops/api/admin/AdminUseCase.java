package io.tdev.ops.api.admin;

import io.tdev.ops.admin.AdminCalls;
import io.tdev.ops.api.OpsContext;

/**
 * The service's admin endpoint as a use case: clear the cache (P1), restart one agent (P2), invalidate every
 * session (security incident). Used by the CLI commands of the same names, the incident remedies and the security
 * incident job: {@code AdminUseCase.over(context).run(AdminRequest.invalidateSessions("leaked key", false))}.
 */
public interface AdminUseCase {
    AdminResult run(AdminRequest request);

    static AdminUseCase over(OpsContext context) {
        return new AdminCalls(context);
    }
}
