package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.BackupDescription;
import io.tdev.ops.model.PointInTimeRecovery;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.TableState;
import io.tdev.ops.port.Tables;
import io.tdev.ops.port.contract.ContractWorld;
import io.tdev.ops.port.contract.TablesContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.deniedMessage;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonError;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link TablesContract} on {@link AwsTables} (DynamoDB's JSON protocol, two scan segments), and what only the
 * wire shows: the requests of backup, restore and dr-check, retries, the resource a refusal names.
 */
class AwsTablesContractTest extends TablesContract {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final String BACKUP_ARN = "arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE
            + "/backup/01764147600000-a1b2c3d4";
    private static final String DDB = "DynamoDB_20120810.";

    private final AwsWireFixture aws = new AwsWireFixture(wm);
    private AwsTables tables;

    @BeforeEach
    void setUp() {
        tables = new AwsTables(aws.client(DynamoDbClient.builder()), 2);
    }

    private static String tableDescription(String name, String status, long items, long bytes) {
        return "{\"TableName\":\"" + name + "\",\"TableStatus\":\"" + status + "\",\"ItemCount\":" + items
                + ",\"TableSizeBytes\":" + bytes + ",\"TableArn\":\"arn:aws:dynamodb:eu-west-1:123456789012:table/" + name
                + "\",\"CreationDateTime\":1795680000.0,\"KeySchema\":[{\"AttributeName\":\"project_id\",\"KeyType\":\"HASH\"}]}";
    }

    @Test
    void describeBackupReadsTheBackupAndTheSourceTablesCountAndSize() {
        wm.stubFor(json(DDB + "DescribeBackup").withRequestBody(equalToJson("{\"BackupArn\":\"" + BACKUP_ARN + "\"}"))
                .willReturn(jsonOk("{\"BackupDescription\":{\"BackupDetails\":{\"BackupArn\":\"" + BACKUP_ARN + "\","
                        + "\"BackupName\":\"manual-backup-production-20261126-090000\",\"BackupSizeBytes\":383572,"
                        + "\"BackupStatus\":\"AVAILABLE\",\"BackupType\":\"USER\",\"BackupCreationDateTime\":1795683600.0},"
                        + "\"SourceTableDetails\":{\"TableName\":\"" + TABLE + "\",\"TableId\":\"e8a5a2a8-3c3b-4b0a-9d7e-0f6f3c2a1b9d\","
                        + "\"TableSizeBytes\":383600,\"ItemCount\":931,\"TableCreationDateTime\":1700000000.0,"
                        + "\"KeySchema\":[{\"AttributeName\":\"project_id\",\"KeyType\":\"HASH\"}],"
                        + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":0,\"WriteCapacityUnits\":0},\"BillingMode\":\"PAY_PER_REQUEST\"},"
                        + "\"SourceTableFeatureDetails\":{}}}")));

        BackupDescription d = tables.describeBackup(BACKUP_ARN);

        assertThat(d.backup().status()).isEqualTo("AVAILABLE");
        assertThat(d.backup().table()).isEqualTo(TABLE);
        assertThat(d.backup().sizeBytes()).isEqualTo(383572);
        assertThat(d.backup().createdAt()).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(d.itemCount()).isEqualTo(931);
        assertThat(d.tableSizeBytes()).isEqualTo(383600);
        AwsActionsAssert.sentOnlyDeclared(aws, "Tables.describeBackup");
    }

    @Test
    void pointInTimeRecoveryReadsTheRestorableWindow() {
        wm.stubFor(json(DDB + "DescribeContinuousBackups").withRequestBody(equalToJson("{\"TableName\":\"" + TABLE + "\"}"))
                .willReturn(jsonOk("{\"ContinuousBackupsDescription\":{\"ContinuousBackupsStatus\":\"ENABLED\","
                        + "\"PointInTimeRecoveryDescription\":{\"PointInTimeRecoveryStatus\":\"ENABLED\","
                        + "\"EarliestRestorableDateTime\":1761123600.0,\"LatestRestorableDateTime\":1795683300.0,"
                        + "\"RecoveryPeriodInDays\":35}}}")));

        PointInTimeRecovery p = tables.pointInTimeRecovery(TABLE);

        assertThat(p.enabled()).isTrue();
        assertThat(p.earliestRestorable()).isEqualTo(Instant.ofEpochSecond(1761123600L));
        assertThat(p.latestRestorable()).isEqualTo(Instant.parse("2026-11-26T08:55:00Z"));
        AwsActionsAssert.sentOnlyDeclared(aws, "Tables.pointInTimeRecovery");
    }

    @Test
    void pointInTimeRecoveryOffIsAStatusNotAFailure() {
        wm.stubFor(json(DDB + "DescribeContinuousBackups").willReturn(jsonOk("{\"ContinuousBackupsDescription\":{"
                + "\"ContinuousBackupsStatus\":\"ENABLED\",\"PointInTimeRecoveryDescription\":{\"PointInTimeRecoveryStatus\":\"DISABLED\"}}}")));

        assertThat(tables.pointInTimeRecovery(TABLE)).isEqualTo(new PointInTimeRecovery(false, null, null));
    }

    @Test
    void countItemsScansEverySegmentWithSelectCountOverEveryPage() {
        wm.stubFor(json(DDB + "Scan").withRequestBody(matchingJsonPath("$.Segment", equalTo("0")))
                .withRequestBody(matchingJsonPath("$.ExclusiveStartKey", absent()))
                .willReturn(jsonOk("{\"Count\":400,\"ScannedCount\":400,\"LastEvaluatedKey\":{\"project_id\":{\"S\":\"p-0400\"}}}")));
        wm.stubFor(json(DDB + "Scan").withRequestBody(matchingJsonPath("$.Segment", equalTo("0")))
                .withRequestBody(matchingJsonPath("$.ExclusiveStartKey.project_id.S", equalTo("p-0400")))
                .willReturn(jsonOk("{\"Count\":61,\"ScannedCount\":61}")));
        wm.stubFor(json(DDB + "Scan").withRequestBody(matchingJsonPath("$.Segment", equalTo("1")))
                .willReturn(jsonOk("{\"Count\":470,\"ScannedCount\":470}")));

        assertThat(tables.countItems(TARGET)).isEqualTo(931);
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.Select", equalTo("COUNT")))
                .withRequestBody(matchingJsonPath("$.TableName", equalTo(TARGET))));
        AwsActionsAssert.sentOnlyDeclared(aws, "Tables.countItems");
    }

    @Test
    void restoreSendsTheBackupAndTheNewTableAndReturnsItCreating() {
        wm.stubFor(json(DDB + "RestoreTableFromBackup")
                .withRequestBody(equalToJson("{\"BackupArn\":\"" + BACKUP_ARN + "\",\"TargetTableName\":\"" + TARGET + "\"}"))
                .willReturn(jsonOk("{\"TableDescription\":" + tableDescription(TARGET, "CREATING", 0, 0) + "}")));

        assertThat(tables.restore(BACKUP_ARN, TARGET)).isEqualTo(new TableState(TARGET, "CREATING", 0, 0));
    }

    @Test
    void anExistingTargetTableIsRefusedByDynamoDbAndSaysSo() {
        wm.stubFor(json(DDB + "RestoreTableFromBackup").willReturn(jsonError(400,
                "TableAlreadyExistsException", "Table already exists: " + TARGET)));

        assertThatThrownBy(() -> tables.restore(BACKUP_ARN, TARGET)).hasMessageContaining("TableAlreadyExistsException")
                .hasMessageContaining("dynamodb:RestoreTableFromBackup");
    }

    @Test
    void throttledDescribeBackupIsRetriedThenAnswers() {
        aws.faultsThenOk(() -> json(DDB + "DescribeBackup"), 2, jsonError(400,
                        "ThrottlingException", "Rate of requests exceeds the allowed throughput."),
                jsonOk("{\"BackupDescription\":{\"BackupDetails\":{\"BackupArn\":\"" + BACKUP_ARN + "\",\"BackupName\":\"b\","
                        + "\"BackupStatus\":\"CREATING\",\"BackupType\":\"USER\",\"BackupCreationDateTime\":1795683600.0},"
                        + "\"SourceTableDetails\":{\"TableName\":\"" + TABLE + "\",\"TableId\":\"x\",\"ItemCount\":5,"
                        + "\"TableCreationDateTime\":1700000000.0,\"KeySchema\":[{\"AttributeName\":\"project_id\",\"KeyType\":\"HASH\"}],"
                        + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":0,\"WriteCapacityUnits\":0}}}}"));

        assertThat(tables.describeBackup(BACKUP_ARN).backup().status()).isEqualTo("CREATING");
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void accessDeniedNamesTheActionAndTheResource() {
        String arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE;
        wm.stubFor(json(DDB + "DescribeContinuousBackups").willReturn(jsonError(400, "AccessDeniedException",
                deniedMessage("dynamodb:DescribeContinuousBackups", arn))));

        assertThatThrownBy(() -> tables.pointInTimeRecovery(TABLE)).isInstanceOf(RemoteFailureException.class)
                .hasMessageContaining("access denied").hasMessageContaining("dynamodb:DescribeContinuousBackups")
                .hasMessageContaining(arn);
    }

    // ---- the contract's world, as DynamoDB answers it

    private static final int WORLD = 6;
    private static final String OLDER = "arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE + "/backup/01764979200000-0a1b2c3d";
    private static final String NEWER = "arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE + "/backup/01765065600000-4e5f6a7b";

    @Override
    protected Tables tables() {
        return tables;
    }

    private static MappingBuilder call(String operation, String jsonPath, String value) {
        return json(DDB + operation).atPriority(WORLD).withRequestBody(matchingJsonPath(jsonPath, equalTo(value)));
    }

    private static String summary(String arn, String name, long created) {
        return "{\"TableName\":\"" + TABLE + "\",\"TableId\":\"e8a5a2a8-3c3b-4b0a-9d7e-0f6f3c2a1b9d\",\"TableArn\":"
                + "\"arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE + "\",\"BackupArn\":\"" + arn + "\",\"BackupName\":\""
                + name + "\",\"BackupCreationDateTime\":" + created + ".0,\"BackupStatus\":\"AVAILABLE\",\"BackupType\":\"USER\","
                + "\"BackupSizeBytes\":223440}";
    }

    @Override
    protected void givenTheTableAndItsBackups() {
        wm.stubFor(call("DescribeTable", "$.TableName", TABLE)
                .willReturn(jsonOk("{\"Table\":" + tableDescription(TABLE, "ACTIVE", 931, 223440) + "}")));
        wm.stubFor(json(DDB + "DescribeTable").atPriority(WORLD + 1).willReturn(jsonError(400, "ResourceNotFoundException",
                "Requested resource not found: Table: " + MISSING + " not found")));
        wm.stubFor(call("Scan", "$.TableName", TABLE).withRequestBody(matchingJsonPath("$.Segment", equalTo("0")))
                .withRequestBody(matchingJsonPath("$.ExclusiveStartKey", absent()))
                .willReturn(jsonOk("{\"Count\":400,\"ScannedCount\":400,\"LastEvaluatedKey\":{\"project_id\":{\"S\":\"p-0400\"}}}")));
        wm.stubFor(call("Scan", "$.TableName", TABLE).withRequestBody(matchingJsonPath("$.Segment", equalTo("0")))
                .withRequestBody(matchingJsonPath("$.ExclusiveStartKey.project_id.S", equalTo("p-0400")))
                .willReturn(jsonOk("{\"Count\":61,\"ScannedCount\":61}")));
        wm.stubFor(call("Scan", "$.TableName", TABLE).withRequestBody(matchingJsonPath("$.Segment", equalTo("1")))
                .willReturn(jsonOk("{\"Count\":470,\"ScannedCount\":470}")));
        wm.stubFor(call("DescribeContinuousBackups", "$.TableName", TABLE).willReturn(jsonOk("{\"ContinuousBackupsDescription\":"
                + "{\"ContinuousBackupsStatus\":\"ENABLED\",\"PointInTimeRecoveryDescription\":{\"PointInTimeRecoveryStatus\":"
                + "\"ENABLED\",\"EarliestRestorableDateTime\":1761123600.0,\"LatestRestorableDateTime\":1795683300.0,"
                + "\"RecoveryPeriodInDays\":35}}}")));
        // DynamoDB lists backups oldest first, a page at a time
        wm.stubFor(call("ListBackups", "$.TableName", TABLE).withRequestBody(matchingJsonPath("$.ExclusiveStartBackupArn", absent()))
                .willReturn(jsonOk("{\"BackupSummaries\":[" + summary(OLDER, TABLE + "-daily-20261206-0000", 1764979200)
                        + "],\"LastEvaluatedBackupArn\":\"" + OLDER + "\"}")));
        wm.stubFor(call("ListBackups", "$.ExclusiveStartBackupArn", OLDER)
                .willReturn(jsonOk("{\"BackupSummaries\":[" + summary(NEWER, TABLE + "-daily-20261207-0000", 1765065600) + "]}")));
        wm.stubFor(call("DescribeBackup", "$.BackupArn", NEWER).willReturn(jsonOk("{\"BackupDescription\":{\"BackupDetails\":"
                + "{\"BackupArn\":\"" + NEWER + "\",\"BackupName\":\"" + TABLE + "-daily-20261207-0000\",\"BackupSizeBytes\":223440,"
                + "\"BackupStatus\":\"AVAILABLE\",\"BackupType\":\"USER\",\"BackupCreationDateTime\":1765065600.0},"
                + "\"SourceTableDetails\":{\"TableName\":\"" + TABLE + "\",\"TableId\":\"e8a5a2a8-3c3b-4b0a-9d7e-0f6f3c2a1b9d\","
                + "\"TableSizeBytes\":223440,\"ItemCount\":931,\"TableCreationDateTime\":1700000000.0,"
                + "\"KeySchema\":[{\"AttributeName\":\"project_id\",\"KeyType\":\"HASH\"}],"
                + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":0,\"WriteCapacityUnits\":0}}}}")));
        wm.stubFor(json(DDB + "DescribeBackup").atPriority(WORLD + 1).willReturn(jsonError(400, "BackupNotFoundException",
                "Backup not found")));
        wm.stubFor(call("CreateBackup", "$.TableName", TABLE).willReturn(jsonOk("{\"BackupDetails\":{\"BackupArn\":\""
                + "arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE + "/backup/01765087200000-8c9d0e1f\",\"BackupName\":"
                + "\"manual-backup-production-20261207-060000\",\"BackupSizeBytes\":0,\"BackupStatus\":\"CREATING\","
                + "\"BackupType\":\"USER\",\"BackupCreationDateTime\":1765087200.0}}")));
        wm.stubFor(call("RestoreTableFromBackup", "$.TargetTableName", TARGET)
                .willReturn(jsonOk("{\"TableDescription\":" + tableDescription(TARGET, "CREATING", 0, 0) + "}")));
        wm.stubFor(call("RestoreTableFromBackup", "$.TargetTableName", TABLE)
                .willReturn(jsonError(400, "TableAlreadyExistsException", "Table already exists: " + TABLE)));
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        wm.stubFor(json(DDB + iamAction.substring("dynamodb:".length())).atPriority(1).willReturn(AwsWireFixture.jsonRefusal(
                refusal, iamAction, "arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE)));
    }

    @Override
    protected int callsSent() {
        return wm.getAllServeEvents().size();
    }
}
