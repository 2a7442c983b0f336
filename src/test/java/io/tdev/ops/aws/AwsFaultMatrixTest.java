package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.DnsRecord;
import io.tdev.ops.model.RemoteFailureException;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.delayed;
import static io.tdev.ops.aws.AwsWireFixture.deniedMessage;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonError;
import static io.tdev.ops.aws.AwsWireFixture.query;
import static io.tdev.ops.aws.AwsWireFixture.xmlError;
import static io.tdev.ops.aws.AwsWireFixture.restXmlError;
import static io.tdev.ops.aws.AwsWireFixture.xmlOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The four scripted faults for every method of the Logs, S3, DynamoDB, SNS, ECR, Secrets Manager, Route 53 and
 * RDS adapters: throttled twice then OK, a 5xx then OK, a read timeout then OK (the SDK's retries recover), and
 * access denied (a non-retryable failure naming the IAM action and the refused resource). The per-adapter
 * contract tests check requests and parsing; this matrix checks that no method escapes the fault handling.
 */
class AwsFaultMatrixTest {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final Instant FROM = Instant.parse("2026-11-25T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-26T00:00:00Z");
    private static final String BUCKET = "t-developer-projects-production";
    private static final String TABLE = "t-developer-metadata-production";

    private final AwsWireFixture aws = new AwsWireFixture(wm);

    /** How a protocol says "throttled", "server error" and "denied". */
    private enum Protocol {
        JSON {
            ResponseDefinitionBuilder throttled() {
                return jsonError(400, "ThrottlingException", "Rate exceeded");
            }

            ResponseDefinitionBuilder serverError() {
                return jsonError(500, "InternalFailure", "The request processing has failed because of an unknown error.");
            }

            ResponseDefinitionBuilder denied(String action, String arn) {
                return jsonError(400, "AccessDeniedException", deniedMessage(action, arn));
            }
        },
        QUERY {
            ResponseDefinitionBuilder throttled() {
                return xmlError(400, "Throttling", "Rate exceeded");
            }

            ResponseDefinitionBuilder serverError() {
                return xmlError(500, "InternalFailure", "An internal error occurred.");
            }

            ResponseDefinitionBuilder denied(String action, String arn) {
                return xmlError(403, "AccessDenied", deniedMessage(action, arn));
            }
        },
        S3 {
            ResponseDefinitionBuilder throttled() {
                return restXmlError(503, "SlowDown", "Please reduce your request rate.");
            }

            ResponseDefinitionBuilder serverError() {
                return restXmlError(500, "InternalError", "We encountered an internal error. Please try again.");
            }

            ResponseDefinitionBuilder denied(String action, String arn) {
                return restXmlError(403, "AccessDenied", "Access Denied");
            }
        };

        abstract ResponseDefinitionBuilder throttled();

        abstract ResponseDefinitionBuilder serverError();

        abstract ResponseDefinitionBuilder denied(String action, String arn);
    }

    /**
     * One adapter method: the call that is faulted and its good answer, other calls it needs (answered well),
     * the IAM action and resource named when denied, and the invocation.
     */
    private record Row(String method, Protocol protocol, Supplier<MappingBuilder> call, ResponseDefinitionBuilder ok,
                       Runnable otherStubs, String action, String resource, Runnable invoke) {
    }

    private List<Row> rows() {
        AwsLogs logs = new AwsLogs(aws.client(CloudWatchLogsClient.builder()), 3, new Polling(Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(1), d -> { }, line -> { }));
        AwsStorage storage = new AwsStorage(aws.s3(), aws.client(CloudWatchClient.builder()));
        AwsTables tables = new AwsTables(aws.client(DynamoDbClient.builder()), 1);
        AwsNotifier notifier = new AwsNotifier(aws.client(SnsClient.builder()), aws.client(StsClient.builder()));
        AwsImageScans scans = new AwsImageScans(aws.client(EcrClient.builder()));
        AwsSecrets secrets = new AwsSecrets(aws.client(SecretsManagerClient.builder()));
        AwsDns dns = new AwsDns(aws.client(Route53Client.builder()));
        AwsDatabases databases = new AwsDatabases(aws.client(RdsClient.builder()));
        String group = "/ecs/t-developer-production";
        String groupArn = "arn:aws:logs:eu-west-1:123456789012:log-group:" + group;
        String tableArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/" + TABLE;
        String topic = "arn:aws:sns:eu-west-1:123456789012:t-developer-alerts-production";
        String repoArn = "arn:aws:ecr:eu-west-1:123456789012:repository/t-developer-backend-production";
        String secretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:t-developer/production/api-keys-a1b2c3";
        String dbArn = "arn:aws:rds:eu-west-1:123456789012:db:t-developer-db-production";
        String scanDone = "{\"repositoryName\":\"t-developer-backend-production\",\"imageId\":{\"imageTag\":\"v1\"},"
                + "\"imageScanStatus\":{\"status\":\"COMPLETE\"},\"imageScanFindings\":{\"findingSeverityCounts\":{\"HIGH\":1}}}";
        String listing = "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + BUCKET
                + "</Name><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated><Contents><Key>a.zip</Key>"
                + "<LastModified>2026-01-01T00:00:00.000Z</LastModified><Size>10</Size></Contents></ListBucketResult>";
        String metrics = "<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><GetMetricDataResult>"
                + "<MetricDataResults><member><Id>bytes</Id><StatusCode>Complete</StatusCode><Timestamps><member>2026-11-25T00:00:00Z</member>"
                + "</Timestamps><Values><member>100.0</member></Values></member><member><Id>objects</Id><StatusCode>Complete</StatusCode>"
                + "<Timestamps><member>2026-11-25T00:00:00Z</member></Timestamps><Values><member>2.0</member></Values></member>"
                + "</MetricDataResults></GetMetricDataResult></GetMetricDataResponse>";
        String change = "<ChangeResourceRecordSetsResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><ChangeInfo>"
                + "<Id>/change/C1</Id><Status>PENDING</Status><SubmittedAt>2026-11-26T10:00:00Z</SubmittedAt></ChangeInfo>"
                + "</ChangeResourceRecordSetsResponse>";
        String db = "<DBInstance><DBInstanceIdentifier>t-developer-db-production</DBInstanceIdentifier>"
                + "<DBInstanceClass>db.r6g.large</DBInstanceClass><DBInstanceStatus>available</DBInstanceStatus></DBInstance>";
        Runnable none = () -> { };
        return List.of(
                new Row("Logs.filter", Protocol.JSON, () -> json("Logs_20140328.FilterLogEvents"), jsonOk("{\"events\":[]}"), none,
                        "logs:FilterLogEvents", groupArn, () -> logs.filter(group, "ERROR", FROM, TO, 10)),
                new Row("Logs.insights", Protocol.JSON, () -> json("Logs_20140328.StartQuery"), jsonOk("{\"queryId\":\"q1\"}"),
                        () -> wm.stubFor(json("Logs_20140328.GetQueryResults").willReturn(jsonOk("{\"results\":[],\"status\":\"Complete\"}"))),
                        "logs:StartQuery", groupArn, () -> logs.insights(List.of(group), "fields @message", FROM, TO)),
                new Row("Logs.logGroups", Protocol.JSON, () -> json("Logs_20140328.DescribeLogGroups"), jsonOk("{\"logGroups\":[]}"), none,
                        "logs:DescribeLogGroups", "arn:aws:logs:eu-west-1:123456789012:log-group::log-stream:", () -> logs.logGroups("/ecs/")),
                new Row("Logs.putRetention", Protocol.JSON, () -> json("Logs_20140328.PutRetentionPolicy"), jsonOk("{}"), none,
                        "logs:PutRetentionPolicy", groupArn, () -> logs.putRetention(group, 30)),
                new Row("Storage.usage", Protocol.QUERY, () -> query("GetMetricData"), xmlOk(metrics), none,
                        "cloudwatch:GetMetricData", "*", () -> storage.usage(BUCKET)),
                new Row("Storage.objectsOlderThan", Protocol.S3, () -> get(urlPathEqualTo("/" + BUCKET)), xmlOk(listing), none,
                        "s3:ListBucket", BUCKET, () -> storage.objectsOlderThan(BUCKET, TO, 10)),
                new Row("Storage.replication", Protocol.S3, () -> get(urlEqualTo("/" + BUCKET + "?replication")),
                        xmlOk("<ReplicationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Role>arn:aws:iam::123456789012:role/r</Role>"
                                + "<Rule><ID>dr</ID><Status>Enabled</Status><Destination><Bucket>arn:aws:s3:::dr</Bucket></Destination></Rule>"
                                + "</ReplicationConfiguration>"), none,
                        "s3:GetReplicationConfiguration", BUCKET, () -> storage.replication(BUCKET)),
                new Row("Storage.bucketPolicy", Protocol.S3, () -> get(urlEqualTo("/" + BUCKET + "?policy")),
                        aResponse().withStatus(200).withBody("{\"Version\":\"2012-10-17\",\"Statement\":[]}"), none,
                        "s3:GetBucketPolicy", BUCKET, () -> storage.bucketPolicy(BUCKET)),
                new Row("Storage.putBucketPolicy", Protocol.S3, () -> put(urlEqualTo("/" + BUCKET + "?policy")),
                        aResponse().withStatus(204), none,
                        "s3:PutBucketPolicy", BUCKET, () -> storage.putBucketPolicy(BUCKET, "{\"Version\":\"2012-10-17\",\"Statement\":[]}")),
                new Row("Tables.countBetween", Protocol.JSON, () -> json("DynamoDB_20120810.Scan"), jsonOk("{\"Count\":3,\"ScannedCount\":9}"), none,
                        "dynamodb:Scan", tableArn, () -> tables.countBetween(TABLE, "created_at", FROM, TO, Optional.empty())),
                new Row("Tables.countDistinct", Protocol.JSON, () -> json("DynamoDB_20120810.Scan"),
                        jsonOk("{\"Items\":[{\"user_id\":{\"S\":\"u-1\"}}],\"Count\":1,\"ScannedCount\":9}"), none,
                        "dynamodb:Scan", tableArn, () -> tables.countDistinct(TABLE, "user_id", "created_at", FROM, TO)),
                new Row("Tables.createBackup", Protocol.JSON, () -> json("DynamoDB_20120810.CreateBackup"),
                        jsonOk("{\"BackupDetails\":{\"BackupArn\":\"" + tableArn + "/backup/01\",\"BackupName\":\"pre-deploy\",\"BackupStatus\":\"CREATING\","
                                + "\"BackupType\":\"USER\",\"BackupCreationDateTime\":1764147600}}"), none,
                        "dynamodb:CreateBackup", tableArn, () -> tables.createBackup(TABLE, "pre-deploy")),
                new Row("Tables.listBackups", Protocol.JSON, () -> json("DynamoDB_20120810.ListBackups"), jsonOk("{\"BackupSummaries\":[]}"), none,
                        "dynamodb:ListBackups", tableArn, () -> tables.listBackups(TABLE)),
                new Row("Tables.restore", Protocol.JSON, () -> json("DynamoDB_20120810.RestoreTableFromBackup"),
                        jsonOk("{\"TableDescription\":{\"TableName\":\"restored\",\"TableStatus\":\"CREATING\"}}"), none,
                        "dynamodb:RestoreTableFromBackup", tableArn + "/backup/01", () -> tables.restore(tableArn + "/backup/01", "t-developer-restored")),
                new Row("Notifier.publish", Protocol.QUERY, () -> query("Publish"),
                        xmlOk("<PublishResponse xmlns=\"https://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>m-1</MessageId>"
                                + "</PublishResult></PublishResponse>"), none,
                        "SNS:Publish", topic, () -> notifier.publish(topic, "subject", "message")),
                new Row("ImageScans.startScan", Protocol.JSON, () -> json("AmazonEC2ContainerRegistry_V20150921.StartImageScan"),
                        jsonOk(scanDone), none, "ecr:StartImageScan", repoArn, () -> scans.startScan("t-developer-backend-production", "v1")),
                new Row("ImageScans.findings", Protocol.JSON, () -> json("AmazonEC2ContainerRegistry_V20150921.DescribeImageScanFindings"),
                        jsonOk(scanDone), none, "ecr:DescribeImageScanFindings", repoArn,
                        () -> scans.findings("t-developer-backend-production", "v1")),
                new Row("Secrets.rotate", Protocol.JSON, () -> json("secretsmanager.RotateSecret"),
                        jsonOk("{\"Name\":\"t-developer/production/api-keys\",\"VersionId\":\"v2\"}"), none,
                        "secretsmanager:RotateSecret", secretArn, () -> secrets.rotate("t-developer/production/api-keys")),
                new Row("Secrets.lastRotated", Protocol.JSON, () -> json("secretsmanager.DescribeSecret"),
                        jsonOk("{\"Name\":\"t-developer/production/api-keys\",\"LastRotatedDate\":1764064800}"), none,
                        "secretsmanager:DescribeSecret", secretArn, () -> secrets.lastRotated("t-developer/production/api-keys")),
                new Row("Dns.upsert", Protocol.QUERY, () -> post(urlEqualTo("/2013-04-01/hostedzone/Z1D633PJN98FT9/rrset/")), xmlOk(change), none,
                        "route53:ChangeResourceRecordSets", "arn:aws:route53:::hostedzone/Z1D633PJN98FT9",
                        () -> dns.upsert("Z1D633PJN98FT9", new DnsRecord("api.example.com", "A", "192.0.2.10", 60))),
                new Row("Dns.changeStatus", Protocol.QUERY, () -> get(urlEqualTo("/2013-04-01/change/C1")),
                        xmlOk(change.replace("ChangeResourceRecordSetsResponse", "GetChangeResponse")), none,
                        "route53:GetChange", "arn:aws:route53:::change/C1", () -> dns.changeStatus("C1")),
                new Row("Databases.describe", Protocol.QUERY, () -> query("DescribeDBInstances"),
                        xmlOk("<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeDBInstancesResult>"
                                + "<DBInstances>" + db + "</DBInstances></DescribeDBInstancesResult></DescribeDBInstancesResponse>"), none,
                        "rds:DescribeDBInstances", dbArn, () -> databases.describe("t-developer-db-production")),
                new Row("Databases.modifyInstanceClass", Protocol.QUERY, () -> query("ModifyDBInstance"),
                        xmlOk("<ModifyDBInstanceResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><ModifyDBInstanceResult>" + db
                                + "</ModifyDBInstanceResult></ModifyDBInstanceResponse>"), none,
                        "rds:ModifyDBInstance", dbArn, () -> databases.modifyInstanceClass("t-developer-db-production", "db.r6g.xlarge", true)));
    }

    @TestFactory
    Stream<DynamicContainer> everyMethodRecoversFromRetryableFaultsAndNamesWhatWasDenied() {
        return rows().stream().map(row -> DynamicContainer.dynamicContainer(row.method(), Stream.of(
                recovers(row, "throttled twice, then OK", 2, row.protocol().throttled()),
                recovers(row, "a server error, then OK", 1, row.protocol().serverError()),
                recovers(row, "a read timeout, then OK", 1, delayed(fresh(row.ok()))),
                DynamicTest.dynamicTest("access denied names the IAM action and the refused resource", () -> {
                    wm.resetAll();
                    row.otherStubs().run();
                    wm.stubFor(row.call().get().willReturn(row.protocol().denied(row.action(), row.resource())));

                    assertThatThrownBy(row.invoke()::run).isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage()).containsIgnoringCase("access denied")
                                .containsIgnoringCase(row.action()).contains(row.resource());
                    });
                }))));
    }

    /** A copy: WireMock's builders are mutable (a delay set on one would stick to every later stub). */
    private static ResponseDefinitionBuilder fresh(ResponseDefinitionBuilder response) {
        return ResponseDefinitionBuilder.like(response.build());
    }

    private DynamicTest recovers(Row row, String fault, int failures, ResponseDefinitionBuilder failure) {
        return DynamicTest.dynamicTest(fault, () -> {
            wm.resetAll();
            row.otherStubs().run();
            aws.faultsThenOk(row.call(), failures, failure, fresh(row.ok()));

            row.invoke().run();

            assertThat(wm.findAll(WireMockRequests.matching(row.call().get()))).hasSize(failures + 1);
        });
    }
}
