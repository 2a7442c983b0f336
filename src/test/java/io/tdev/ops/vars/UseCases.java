package io.tdev.ops.vars;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.admin.AdminUseCase;
import io.tdev.ops.api.backup.BackupUseCase;
import io.tdev.ops.api.backup.DrCheckUseCase;
import io.tdev.ops.api.backup.FailoverUseCase;
import io.tdev.ops.api.backup.ListBackupsUseCase;
import io.tdev.ops.api.backup.RestoreUseCase;
import io.tdev.ops.api.change.DeployUseCase;
import io.tdev.ops.api.change.MarkKnownGoodUseCase;
import io.tdev.ops.api.change.RollbackUseCase;
import io.tdev.ops.api.change.ScaleUseCase;
import io.tdev.ops.api.checklist.ChecklistUseCase;
import io.tdev.ops.api.escalation.EscalationUseCase;
import io.tdev.ops.api.fleet.FleetHealthUseCase;
import io.tdev.ops.api.health.HealthUseCase;
import io.tdev.ops.api.incident.IncidentUseCase;
import io.tdev.ops.api.maintenance.MaintenanceUseCase;
import io.tdev.ops.api.security.LockdownBucketUseCase;
import io.tdev.ops.api.security.RotateSecretUseCase;
import io.tdev.ops.api.security.SecurityCheckUseCase;
import io.tdev.ops.api.traffic.DbResizeUseCase;
import io.tdev.ops.api.traffic.LoadWatchUseCase;
import io.tdev.ops.api.traffic.TrafficEventUseCase;
import io.tdev.ops.api.weekly.WeeklyReportUseCase;

import java.util.Map;
import java.util.function.Function;

/**
 * {@code XxxUseCase.over(context)} for the vars tests' Groovy bindings, as the plugin's steps call it. Groovy 2.4 (the
 * version Jenkins pipelines run) cannot call a static method of a Java interface (its call site fails verification),
 * so the Groovy side asks here, by the use case's interface, instead of reaching for reflection.
 */
public final class UseCases {
    private static final Map<Class<?>, Function<OpsContext, ?>> OVER = Map.ofEntries(
            Map.entry(AdminUseCase.class, AdminUseCase::over),
            Map.entry(BackupUseCase.class, BackupUseCase::over),
            Map.entry(ChecklistUseCase.class, ChecklistUseCase::over),
            Map.entry(DbResizeUseCase.class, DbResizeUseCase::over),
            Map.entry(DeployUseCase.class, DeployUseCase::over),
            Map.entry(DrCheckUseCase.class, DrCheckUseCase::over),
            Map.entry(EscalationUseCase.class, EscalationUseCase::over),
            Map.entry(FailoverUseCase.class, FailoverUseCase::over),
            Map.entry(FleetHealthUseCase.class, FleetHealthUseCase::over),
            Map.entry(HealthUseCase.class, HealthUseCase::over),
            Map.entry(IncidentUseCase.class, IncidentUseCase::over),
            Map.entry(ListBackupsUseCase.class, ListBackupsUseCase::over),
            Map.entry(LoadWatchUseCase.class, LoadWatchUseCase::over),
            Map.entry(LockdownBucketUseCase.class, LockdownBucketUseCase::over),
            Map.entry(MaintenanceUseCase.class, MaintenanceUseCase::over),
            Map.entry(MarkKnownGoodUseCase.class, MarkKnownGoodUseCase::over),
            Map.entry(RestoreUseCase.class, RestoreUseCase::over),
            Map.entry(RollbackUseCase.class, RollbackUseCase::over),
            Map.entry(RotateSecretUseCase.class, RotateSecretUseCase::over),
            Map.entry(ScaleUseCase.class, ScaleUseCase::over),
            Map.entry(SecurityCheckUseCase.class, SecurityCheckUseCase::over),
            Map.entry(TrafficEventUseCase.class, TrafficEventUseCase::over),
            Map.entry(WeeklyReportUseCase.class, WeeklyReportUseCase::over));

    private UseCases() {
    }

    /** The implementation of {@code useCase} over {@code context}; a use case not listed here is a test bug, said so. */
    public static <T> T over(Class<T> useCase, OpsContext context) {
        Function<OpsContext, ?> over = OVER.get(useCase);
        if (over == null) {
            throw new IllegalArgumentException(useCase.getSimpleName() + " is not listed in UseCases.OVER");
        }
        return useCase.cast(over.apply(context));
    }
}
