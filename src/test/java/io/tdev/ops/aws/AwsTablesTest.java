package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.TableBackup;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.deniedMessage;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsTablesTest {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final String TABLE = "t-developer-metadata-production";
    private static final String SCAN = "DynamoDB_20120810.Scan";
    private static final Instant FROM = Instant.parse("2026-11-25T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-26T00:00:00Z");

    private final AwsWireFixture aws = new AwsWireFixture(wm);
    private DynamoDbClient client;

    @BeforeEach
    void setUp() {
        client = aws.client(DynamoDbClient.builder());
    }

    private static String countPage(int count, int scanned, String lastKey) {
        return "{\"Count\":" + count + ",\"ScannedCount\":" + scanned
                + (lastKey != null ? ",\"LastEvaluatedKey\":{\"project_id\":{\"S\":\"" + lastKey + "\"}}" : "") + "}";
    }

    @Test
    void countBetweenScansEverySegmentInParallelWithSelectCountAndSumsThePages() {
        AwsTables tables = new AwsTables(client, 3);
        wm.stubFor(json(SCAN).withRequestBody(matchingJsonPath("$.Segment", equalTo("0")))
                .withRequestBody(matchingJsonPath("$.ExclusiveStartKey", absent()))
                .willReturn(jsonOk(countPage(12, 1000, "p-0412"))));
        wm.stubFor(json(SCAN).withRequestBody(matchingJsonPath("$.Segment", equalTo("0")))
                .withRequestBody(matchingJsonPath("$.ExclusiveStartKey.project_id.S", equalTo("p-0412")))
                .willReturn(jsonOk(countPage(5, 388, null))));
        wm.stubFor(json(SCAN).withRequestBody(matchingJsonPath("$.Segment", equalTo("1"))).willReturn(jsonOk(countPage(9, 1201, null))));
        wm.stubFor(json(SCAN).withRequestBody(matchingJsonPath("$.Segment", equalTo("2"))).willReturn(jsonOk(countPage(0, 977, null))));

        long count = tables.countBetween(TABLE, "created_at", FROM, TO, Optional.empty());

        assertThat(count).isEqualTo(12 + 5 + 9);
        wm.verify(exactly(4), postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SCAN)));
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson("{\"TableName\":\"" + TABLE + "\",\"Select\":\"COUNT\","
                + "\"FilterExpression\":\"#t >= :from AND #t < :to\",\"ExpressionAttributeNames\":{\"#t\":\"created_at\"},"
                + "\"ExpressionAttributeValues\":{\":from\":{\"S\":\"2026-11-25T00:00:00.000Z\"},\":to\":{\"S\":\"2026-11-26T00:00:00.000Z\"}},"
                + "\"Segment\":1,\"TotalSegments\":3}")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Tables.countBetween", TestConfigs.production());
    }

    private static String describeTable(long sizeBytes, long items) {
        return "{\"Table\":{\"TableName\":\"" + TABLE + "\",\"TableStatus\":\"ACTIVE\",\"TableSizeBytes\":" + sizeBytes
                + ",\"ItemCount\":" + items + ",\"TableArn\":\"arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE + "\","
                + "\"KeySchema\":[{\"AttributeName\":\"project_id\",\"KeyType\":\"HASH\"}],"
                + "\"BillingModeSummary\":{\"BillingMode\":\"PAY_PER_REQUEST\"}}}";
    }

    @Test
    void aSmallTableIsCountedByOneSegmentReadPageByPage() {
        wm.stubFor(json("DynamoDB_20120810.DescribeTable").willReturn(jsonOk(describeTable(6_180, 15))));
        wm.stubFor(json(SCAN).withRequestBody(matchingJsonPath("$.ExclusiveStartKey", absent()))
                .willReturn(jsonOk(countPage(3, 10, "p-0010"))));
        wm.stubFor(json(SCAN).withRequestBody(matchingJsonPath("$.ExclusiveStartKey.project_id.S", equalTo("p-0010")))
                .willReturn(jsonOk(countPage(2, 5, null))));

        long count = new AwsTables(client).countBetween(TABLE, "created_at", FROM, TO, Optional.empty());

        assertThat(count).isEqualTo(5);
        wm.verify(exactly(1), postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.DescribeTable")));
        wm.verify(exactly(2), postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SCAN))
                .withRequestBody(matchingJsonPath("$.TotalSegments", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.Segment", equalTo("0")))
                .withRequestBody(matchingJsonPath("$.Select", equalTo("COUNT"))));
        AwsActionsAssert.sentOnlyDeclared(aws, "Tables.countBetween", TestConfigs.production());
    }

    @Test
    void aLargeTableIsScannedInOneSegmentPerTwoGigabytes() {
        long thirtyGb = 30L * 1024 * 1024 * 1024;
        wm.stubFor(json("DynamoDB_20120810.DescribeTable").willReturn(jsonOk(describeTable(thirtyGb, 61_000_000))));
        wm.stubFor(json(SCAN).willReturn(jsonOk(countPage(1, 400, null))));

        long count = new AwsTables(client).countBetween(TABLE, "created_at", FROM, TO, Optional.empty());

        assertThat(count).isEqualTo(15);
        wm.verify(exactly(15), postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SCAN))
                .withRequestBody(matchingJsonPath("$.TotalSegments", equalTo("15"))));
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.Segment", equalTo("14"))));
    }

    @Test
    void aTableThatCannotBeDescribedFailsNamingTheAction() {
        String arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE;
        wm.stubFor(json("DynamoDB_20120810.DescribeTable")
                .willReturn(jsonError(400, "AccessDeniedException", deniedMessage("dynamodb:DescribeTable", arn))));

        assertThatThrownBy(() -> new AwsTables(client).countBetween(TABLE, "created_at", FROM, TO, Optional.empty()))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.getMessage())
                        .contains("access denied", "dynamodb:DescribeTable", arn));
        wm.verify(exactly(0), postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SCAN)));
    }

    private static final String DESCRIBE_WITH_DAY_INDEX = "{\"Table\":{\"TableName\":\"" + TABLE + "\",\"TableStatus\":\"ACTIVE\","
            + "\"TableArn\":\"arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE + "\",\"ItemCount\":184220,"
            + "\"KeySchema\":[{\"AttributeName\":\"project_id\",\"KeyType\":\"HASH\"}],"
            + "\"AttributeDefinitions\":[{\"AttributeName\":\"project_id\",\"AttributeType\":\"S\"},{\"AttributeName\":\"created_day\",\"AttributeType\":\"S\"},"
            + "{\"AttributeName\":\"created_at\",\"AttributeType\":\"S\"}],"
            + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"created_day-created_at-index\",\"KeySchema\":[{\"AttributeName\":\"created_day\",\"KeyType\":\"HASH\"},"
            + "{\"AttributeName\":\"created_at\",\"KeyType\":\"RANGE\"}],\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"},\"IndexStatus\":\"ACTIVE\","
            + "\"IndexArn\":\"arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE + "/index/created_day-created_at-index\"}],"
            + "\"BillingModeSummary\":{\"BillingMode\":\"PAY_PER_REQUEST\"}}}";

    @Test
    void countBetweenWithAnIndexQueriesEachDayOfTheRange() {
        AwsTables tables = new AwsTables(client, 3);
        wm.stubFor(json("DynamoDB_20120810.DescribeTable").willReturn(jsonOk(DESCRIBE_WITH_DAY_INDEX)));
        String query = "DynamoDB_20120810.Query";
        wm.stubFor(json(query).withRequestBody(matchingJsonPath("$.ExpressionAttributeValues[':day'].S", equalTo("2026-11-24")))
                .willReturn(jsonOk(countPage(7, 7, null))));
        wm.stubFor(json(query).withRequestBody(matchingJsonPath("$.ExpressionAttributeValues[':day'].S", equalTo("2026-11-25")))
                .withRequestBody(matchingJsonPath("$.ExclusiveStartKey", absent()))
                .willReturn(jsonOk("{\"Count\":100,\"ScannedCount\":100,\"LastEvaluatedKey\":{\"project_id\":{\"S\":\"p-9\"},"
                        + "\"created_day\":{\"S\":\"2026-11-25\"},\"created_at\":{\"S\":\"2026-11-25T13:00:00Z\"}}}")));
        wm.stubFor(json(query).withRequestBody(matchingJsonPath("$.ExpressionAttributeValues[':day'].S", equalTo("2026-11-25")))
                .withRequestBody(matchingJsonPath("$.ExclusiveStartKey.project_id.S", equalTo("p-9")))
                .willReturn(jsonOk(countPage(31, 31, null))));

        long count = tables.countBetween(TABLE, "created_at", Instant.parse("2026-11-24T12:00:00Z"), TO,
                Optional.of("created_day-created_at-index"));

        assertThat(count).isEqualTo(7 + 100 + 31);
        wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(query)).withRequestBody(equalToJson(
                "{\"TableName\":\"" + TABLE + "\",\"IndexName\":\"created_day-created_at-index\",\"Select\":\"COUNT\","
                        + "\"KeyConditionExpression\":\"#d = :day AND #t BETWEEN :lo AND :hi\","
                        + "\"ExpressionAttributeNames\":{\"#d\":\"created_day\",\"#t\":\"created_at\"},"
                        + "\"ExpressionAttributeValues\":{\":day\":{\"S\":\"2026-11-24\"},\":lo\":{\"S\":\"2026-11-24T12:00:00.000Z\"},"
                        + "\":hi\":{\"S\":\"2026-11-24T23:59:59.999Z\"}}}")));
        wm.verify(exactly(0), postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SCAN)));
        AwsActionsAssert.sentOnlyDeclared(aws, "Tables.countBetween", TimeIndexedConfig.production("created_day-created_at-index"));
    }

    @Test
    void anIndexWithoutTheTimeAsSortKeyIsRejectedNamingTheConfigField() {
        wm.stubFor(json("DynamoDB_20120810.DescribeTable").willReturn(jsonOk(DESCRIBE_WITH_DAY_INDEX
                .replace("{\"AttributeName\":\"created_at\",\"KeyType\":\"RANGE\"}", "{\"AttributeName\":\"user_id\",\"KeyType\":\"RANGE\"}"))));

        assertThatThrownBy(() -> new AwsTables(client).countBetween(TABLE, "created_at", FROM, TO,
                Optional.of("created_day-created_at-index")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("table.createdAtIndex");
                    assertThat(e.getMessage()).contains("created_day/user_id", "sort key");
                });
    }

    @Test
    void anUnknownIndexIsRejectedListingTheTablesIndexes() {
        wm.stubFor(json("DynamoDB_20120810.DescribeTable").willReturn(jsonOk(DESCRIBE_WITH_DAY_INDEX)));

        assertThatThrownBy(() -> new AwsTables(client).countBetween(TABLE, "created_at", FROM, TO, Optional.of("by-date")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("by-date").hasMessageContaining("created_day-created_at-index");
    }

    @Test
    void countDistinctProjectsTheAttributeAndMergesSegments() {
        AwsTables tables = new AwsTables(client, 2);
        wm.stubFor(json(SCAN).withRequestBody(matchingJsonPath("$.Segment", equalTo("0"))).willReturn(jsonOk(
                "{\"Items\":[{\"user_id\":{\"S\":\"u-1\"}},{\"user_id\":{\"S\":\"u-2\"}},{\"user_id\":{\"S\":\"u-1\"}}],"
                        + "\"Count\":3,\"ScannedCount\":40}")));
        wm.stubFor(json(SCAN).withRequestBody(matchingJsonPath("$.Segment", equalTo("1"))).willReturn(jsonOk(
                "{\"Items\":[{\"user_id\":{\"S\":\"u-2\"}},{\"user_id\":{\"S\":\"u-3\"}},{}],\"Count\":3,\"ScannedCount\":38}")));

        long distinct = tables.countDistinct(TABLE, "user_id", "created_at", FROM, TO);

        assertThat(distinct).isEqualTo(3);
        wm.verify(exactly(2), postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.ProjectionExpression", equalTo("#a")))
                .withRequestBody(matchingJsonPath("$.ExpressionAttributeNames['#a']", equalTo("user_id")))
                .withRequestBody(matchingJsonPath("$.TotalSegments", equalTo("2"))));
        AwsActionsAssert.sentOnlyDeclared(aws, "Tables.countDistinct");
    }

    @Test
    void createBackupReturnsItsDetails() {
        wm.stubFor(json("DynamoDB_20120810.CreateBackup").willReturn(jsonOk("{\"BackupDetails\":{\"BackupArn\":"
                + "\"arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE + "/backup/01764147600000-a1b2c3d4\","
                + "\"BackupName\":\"pre-deploy-20261126\",\"BackupSizeBytes\":734003200,\"BackupStatus\":\"CREATING\","
                + "\"BackupType\":\"USER\",\"BackupCreationDateTime\":1764147600.123}}")));

        TableBackup backup = new AwsTables(client).createBackup(TABLE, "pre-deploy-20261126");

        assertThat(backup).isEqualTo(new TableBackup("arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE
                + "/backup/01764147600000-a1b2c3d4", "pre-deploy-20261126", TABLE, Instant.parse("2025-11-26T09:00:00.123Z"),
                "CREATING", 734003200));
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson(
                "{\"TableName\":\"" + TABLE + "\",\"BackupName\":\"pre-deploy-20261126\"}")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Tables.createBackup");
    }

    @Test
    void createBackupRefusesANameAwsWouldRejectAndSendsNothing() {
        assertThatThrownBy(() -> new AwsTables(client).createBackup(TABLE, "pre deploy!"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("backupName"));
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    private static String summary(String name, String created, String status) {
        return "{\"TableName\":\"" + TABLE + "\",\"TableId\":\"e8a5a2a8-3c3b-4b0a-9d7e-0f6f3c2a1b9d\",\"TableArn\":"
                + "\"arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE + "\",\"BackupArn\":\"arn:aws:dynamodb:eu-west-1:"
                + "123456789012:table/" + TABLE + "/backup/" + name + "\",\"BackupName\":\"" + name + "\",\"BackupCreationDateTime\":"
                + Instant.parse(created).getEpochSecond() + ",\"BackupStatus\":\"" + status + "\",\"BackupType\":\"USER\",\"BackupSizeBytes\":1024}";
    }

    @Test
    void listBackupsReadsEveryPageNewestFirst() {
        String list = "DynamoDB_20120810.ListBackups";
        wm.stubFor(json(list).withRequestBody(matchingJsonPath("$.ExclusiveStartBackupArn", absent())).willReturn(jsonOk(
                "{\"BackupSummaries\":[" + summary("b-monday", "2026-11-23T09:00:00Z", "AVAILABLE") + ","
                        + summary("b-wednesday", "2026-11-25T09:00:00Z", "AVAILABLE") + "],\"LastEvaluatedBackupArn\":"
                        + "\"arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE + "/backup/b-wednesday\"}")));
        wm.stubFor(json(list).withRequestBody(matchingJsonPath("$.ExclusiveStartBackupArn",
                        equalTo("arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE + "/backup/b-wednesday")))
                .willReturn(jsonOk("{\"BackupSummaries\":[" + summary("b-thursday", "2026-11-26T09:00:00Z", "CREATING") + "]}")));

        List<TableBackup> backups = new AwsTables(client).listBackups(TABLE);

        assertThat(backups).extracting(TableBackup::name).containsExactly("b-thursday", "b-wednesday", "b-monday");
        assertThat(backups.get(0).status()).isEqualTo("CREATING");
        assertThat(backups.get(1).createdAt()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        wm.verify(exactly(2), postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.TableName", equalTo(TABLE))));
        AwsActionsAssert.sentOnlyDeclared(aws, "Tables.listBackups");
    }

    @Test
    void restoreSendsTheBackupAndTheNewTable() {
        String arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE + "/backup/01764147600000-a1b2c3d4";
        wm.stubFor(json("DynamoDB_20120810.RestoreTableFromBackup").willReturn(jsonOk("{\"TableDescription\":{\"TableName\":"
                + "\"t-developer-metadata-restored\",\"TableStatus\":\"CREATING\",\"RestoreSummary\":{\"SourceBackupArn\":\"" + arn
                + "\",\"RestoreDateTime\":1764150000,\"RestoreInProgress\":true}}}")));

        new AwsTables(client).restore(arn, "t-developer-metadata-restored");

        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson(
                "{\"TargetTableName\":\"t-developer-metadata-restored\",\"BackupArn\":\"" + arn + "\"}")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Tables.restore");
    }

    @Test
    void scanThrottledTwiceThenOk() {
        aws.faultsThenOk(() -> json(SCAN), 2, jsonError(400, "ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded."), jsonOk(countPage(4, 10, null)));

        assertThat(new AwsTables(client, 1).countBetween(TABLE, "created_at", FROM, TO, Optional.empty())).isEqualTo(4);
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void scanServerErrorThenOk() {
        aws.faultsThenOk(() -> json(SCAN), 1, jsonError(500, "InternalServerError", "Internal server error"), jsonOk(countPage(4, 10, null)));

        assertThat(new AwsTables(client, 1).countBetween(TABLE, "created_at", FROM, TO, Optional.empty())).isEqualTo(4);
    }

    @Test
    void scanReadTimeoutThenOk() {
        aws.faultsThenOk(() -> json(SCAN), 1, AwsWireFixture.delayed(jsonOk(countPage(1, 1, null))), jsonOk(countPage(4, 10, null)));

        assertThat(new AwsTables(client, 1).countBetween(TABLE, "created_at", FROM, TO, Optional.empty())).isEqualTo(4);
    }

    @Test
    void accessDeniedInOneSegmentFailsTheCountNamingTheActionAndTable() {
        String arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE;
        wm.stubFor(json(SCAN).withRequestBody(matchingJsonPath("$.Segment", equalTo("0"))).willReturn(jsonOk(countPage(4, 10, null))));
        wm.stubFor(json(SCAN).withRequestBody(matchingJsonPath("$.Segment", equalTo("1")))
                .willReturn(jsonError(400, "AccessDeniedException", deniedMessage("dynamodb:Scan", arn))));

        assertThatThrownBy(() -> new AwsTables(client, 2).countBetween(TABLE, "created_at", FROM, TO, Optional.empty()))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("access denied", "dynamodb:Scan", arn);
                });
    }

    @Test
    void missingTableNamesItAndTheConfigField() {
        wm.stubFor(json("DynamoDB_20120810.ListBackups").willReturn(jsonError(400, "TableNotFoundException",
                "Table not found: " + TABLE)));

        assertThatThrownBy(() -> new AwsTables(client).listBackups(TABLE))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(TABLE).hasMessageContaining("config field table.name");
    }
}
