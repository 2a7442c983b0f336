package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.BackupDescription;
import io.tdev.ops.model.PointInTimeRecovery;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.TableState;
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

/** The DynamoDB calls of backup, restore and dr-check, on the wire. */
class AwsTablesBackupRestoreTest {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final String TABLE = "t-developer-metadata-production";
    private static final String TARGET = TABLE + "-restored";
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
    void describeTableIsEmptyForATableThatDoesNotExistAndTheStateOtherwise() {
        wm.stubFor(json(DDB + "DescribeTable").withRequestBody(matchingJsonPath("$.TableName", equalTo(TARGET)))
                .willReturn(jsonError(400, "ResourceNotFoundException",
                        "Requested resource not found: Table: " + TARGET + " not found")));
        wm.stubFor(json(DDB + "DescribeTable").withRequestBody(matchingJsonPath("$.TableName", equalTo(TABLE)))
                .willReturn(jsonOk("{\"Table\":" + tableDescription(TABLE, "ACTIVE", 931, 383600) + "}")));

        assertThat(tables.describeTable(TARGET)).isEmpty();
        assertThat(tables.describeTable(TABLE)).contains(new TableState(TABLE, "ACTIVE", 931, 383600));
        AwsActionsAssert.sentOnlyDeclared(aws, "Tables.describeTable");
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
}
