package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tdev.ops.model.DbInstance;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Databases;
import io.tdev.ops.port.contract.ContractWorld;
import io.tdev.ops.port.contract.DatabasesContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.rds.RdsClient;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.deniedMessage;
import static io.tdev.ops.aws.AwsWireFixture.query;
import static io.tdev.ops.aws.AwsWireFixture.xmlError;
import static io.tdev.ops.aws.AwsWireFixture.xmlOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link DatabasesContract} on {@link AwsDatabases} (RDS' query protocol), and what only the wire shows: the
 * parameters sent, the paging marker, retries of server errors and timeouts.
 */
class AwsDatabasesContractTest extends DatabasesContract {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static String instance(String cls, String status, String pending) {
        return "<DBInstance><DBInstanceIdentifier>" + DB + "</DBInstanceIdentifier><DBInstanceClass>" + cls + "</DBInstanceClass>"
                + "<Engine>postgres</Engine><EngineVersion>16.4</EngineVersion><DBInstanceStatus>" + status + "</DBInstanceStatus>"
                + "<MasterUsername>tdev</MasterUsername><Endpoint><Address>" + DB + ".c9akciq32.eu-west-1.rds.amazonaws.com</Address>"
                + "<Port>5432</Port></Endpoint><AllocatedStorage>100</AllocatedStorage><MultiAZ>true</MultiAZ>"
                + (pending != null ? "<PendingModifiedValues><DBInstanceClass>" + pending + "</DBInstanceClass></PendingModifiedValues>" : "")
                + "<DBInstanceArn>arn:aws:rds:eu-west-1:123456789012:db:" + DB + "</DBInstanceArn></DBInstance>";
    }

    private static String described(String cls, String status) {
        return "<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeDBInstancesResult>"
                + "<DBInstances>" + instance(cls, status, null) + "</DBInstances></DescribeDBInstancesResult>"
                + "<ResponseMetadata><RequestId>9135fff3-8509-11e0-bd9b-a7b1ece36d51</RequestId></ResponseMetadata></DescribeDBInstancesResponse>";
    }

    private static final String MODIFIED = "<ModifyDBInstanceResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
            + "<ModifyDBInstanceResult>" + instance("db.r6g.large", "modifying", "db.r6g.xlarge") + "</ModifyDBInstanceResult>"
            + "<ResponseMetadata><RequestId>f643f1ac-bbfe-5a35-b211-ff1b9f8b0d55</RequestId></ResponseMetadata></ModifyDBInstanceResponse>";

    private final AwsWireFixture aws = new AwsWireFixture(wm);
    private AwsDatabases databases;

    @BeforeEach
    void setUp() {
        databases = new AwsDatabases(aws.client(RdsClient.builder()));
    }

    @Test
    void describeReadsClassAndStatus() {
        wm.stubFor(query("DescribeDBInstances").willReturn(xmlOk(described("db.r6g.large", "available"))));

        assertThat(databases.describe(DB)).isEqualTo(new DbInstance(DB, "db.r6g.large", "available", "postgres", "16.4",
                true, null));
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("DBInstanceIdentifier=" + DB)));
        AwsActionsAssert.sentOnlyDeclared(aws, "Databases.describe");
    }

    @Test
    void modifyInstanceClassAppliesImmediately() {
        wm.stubFor(query("ModifyDBInstance").willReturn(xmlOk(MODIFIED)));

        databases.modifyInstanceClass(DB, "db.r6g.xlarge", true);

        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=ModifyDBInstance"))
                .withRequestBody(containing("DBInstanceIdentifier=" + DB))
                .withRequestBody(containing("DBInstanceClass=db.r6g.xlarge"))
                .withRequestBody(containing("ApplyImmediately=true")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Databases.modifyInstanceClass");
    }

    @Test
    void aPendingClassChangeIsRead() {
        wm.stubFor(query("DescribeDBInstances").willReturn(xmlOk(
                "<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeDBInstancesResult>"
                        + "<DBInstances>" + instance("db.r6g.large", "available", "db.r6g.xlarge") + "</DBInstances>"
                        + "</DescribeDBInstancesResult></DescribeDBInstancesResponse>")));

        assertThat(databases.describe(DB).pendingInstanceClass()).isEqualTo("db.r6g.xlarge");
    }

    @Test
    void aChangeForTheMaintenanceWindowSaysSoOnTheWire() {
        wm.stubFor(query("ModifyDBInstance").willReturn(xmlOk(MODIFIED)));

        databases.modifyInstanceClass(DB, "db.r6g.xlarge", false);

        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("ApplyImmediately=false")));
    }

    private static String orderable(String marker, String... classes) {
        StringBuilder options = new StringBuilder();
        for (String c : classes) {
            // RDS answers one option per class and availability zone / storage type: the same class repeats
            for (String storage : new String[] {"gp2", "gp3"}) {
                options.append("<OrderableDBInstanceOption><Engine>postgres</Engine><EngineVersion>16.4</EngineVersion>")
                        .append("<DBInstanceClass>").append(c).append("</DBInstanceClass><StorageType>").append(storage)
                        .append("</StorageType><MultiAZCapable>true</MultiAZCapable></OrderableDBInstanceOption>");
            }
        }
        return "<DescribeOrderableDBInstanceOptionsResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                + "<DescribeOrderableDBInstanceOptionsResult><OrderableDBInstanceOptions>" + options
                + "</OrderableDBInstanceOptions>" + (marker == null ? "" : "<Marker>" + marker + "</Marker>")
                + "</DescribeOrderableDBInstanceOptionsResult></DescribeOrderableDBInstanceOptionsResponse>";
    }

    @Test
    void orderableClassesWalkEveryPageAndNameEachClassOnce() {
        wm.stubFor(query("DescribeOrderableDBInstanceOptions").withRequestBody(notContaining("Marker="))
                .willReturn(xmlOk(orderable("page2", "db.m6g.large", "db.r6g.large"))));
        wm.stubFor(query("DescribeOrderableDBInstanceOptions").withRequestBody(containing("Marker=page2"))
                .willReturn(xmlOk(orderable(null, "db.r6g.large", "db.r6g.xlarge"))));

        var got = databases.orderableClasses("postgres", "16.4");
        assertThat(got)
                .containsExactly("db.m6g.large", "db.r6g.large", "db.r6g.xlarge");
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Engine=postgres"))
                .withRequestBody(containing("EngineVersion=16.4")));
        wm.verify(exactly(2), postRequestedFor(urlEqualTo("/")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Databases.orderableClasses");
    }

    @Test
    void throttledTwiceThenOk() {
        aws.faultsThenOk(() -> query("DescribeDBInstances"), 2, xmlError(400, "Throttling", "Rate exceeded"),
                xmlOk(described("db.r6g.large", "available")));

        assertThat(databases.describe(DB).status()).isEqualTo("available");
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void serverErrorThenOk() {
        aws.faultsThenOk(() -> query("DescribeDBInstances"), 1, xmlError(500, "InternalFailure", "internal"),
                xmlOk(described("db.r6g.large", "available")));

        assertThat(databases.describe(DB).status()).isEqualTo("available");
    }

    @Test
    void readTimeoutThenOk() {
        aws.faultsThenOk(() -> query("ModifyDBInstance"), 1, AwsWireFixture.delayed(xmlOk(MODIFIED)), xmlOk(MODIFIED));

        databases.modifyInstanceClass(DB, "db.r6g.xlarge", true);
        wm.verify(exactly(2), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void accessDeniedNamesTheActionAndTheInstance() {
        String arn = "arn:aws:rds:eu-west-1:123456789012:db:" + DB;
        wm.stubFor(query("ModifyDBInstance").willReturn(xmlError(403, "AccessDenied", deniedMessage("rds:ModifyDBInstance", arn))));

        assertThatThrownBy(() -> databases.modifyInstanceClass(DB, "db.r6g.xlarge", true)).isInstanceOf(RemoteFailureException.class)
                .hasMessageContaining("access denied").hasMessageContaining("rds:ModifyDBInstance").hasMessageContaining(arn);
    }

    // ---- the contract's world, as RDS answers it

    private static final int WORLD = 6;

    @Override
    protected Databases databases() {
        return databases;
    }

    @Override
    protected void givenTheInstance() {
        wm.stubFor(query("DescribeDBInstances").atPriority(WORLD).withRequestBody(containing("DBInstanceIdentifier=" + DB))
                .willReturn(xmlOk(described(CLASS, "available"))));
        wm.stubFor(query("ModifyDBInstance").atPriority(WORLD).withRequestBody(containing("DBInstanceIdentifier=" + DB))
                .willReturn(xmlOk(MODIFIED)));
        wm.stubFor(query("ModifyDBInstance").atPriority(WORLD - 1).withRequestBody(containing("DBInstanceClass=db.x9z.huge"))
                .willReturn(xmlError(400, "InvalidParameterCombination", "RDS does not support creating a DB instance with"
                        + " the following combination: DBInstanceClass=db.x9z.huge, Engine=postgres, EngineVersion=16.4,"
                        + " LicenseModel=postgresql-license. For supported combinations of instance class and database"
                        + " engine version, see the documentation.")));
        for (String action : List.of("DescribeDBInstances", "ModifyDBInstance")) {
            wm.stubFor(query(action).atPriority(WORLD).withRequestBody(containing("DBInstanceIdentifier=" + MISSING))
                    .willReturn(xmlError(404, "DBInstanceNotFound", "DBInstance " + MISSING + " not found.")));
        }
        wm.stubFor(query("DescribeOrderableDBInstanceOptions").atPriority(WORLD + 1).willReturn(xmlOk(orderable(null))));
        wm.stubFor(query("DescribeOrderableDBInstanceOptions").atPriority(WORLD).withRequestBody(containing("EngineVersion=16.4"))
                .withRequestBody(notContaining("Marker=")).willReturn(xmlOk(orderable("page2", "db.m6g.large", CLASS))));
        wm.stubFor(query("DescribeOrderableDBInstanceOptions").atPriority(WORLD).withRequestBody(containing("EngineVersion=16.4"))
                .withRequestBody(containing("Marker=page2")).willReturn(xmlOk(orderable(null, CLASS, BIGGER, "db.t4g.medium"))));
    }

    @Override
    protected void givenAModificationUnderWay() {
        wm.stubFor(query("ModifyDBInstance").atPriority(1).willReturn(xmlError(400, "InvalidDBInstanceState",
                "Database instance is not in available state.")));
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        wm.stubFor(query(iamAction.substring("rds:".length())).atPriority(1).willReturn(
                AwsWireFixture.xmlRefusal(refusal, iamAction, "arn:aws:rds:eu-west-1:123456789012:db:" + DB)));
    }

    @Override
    protected Modification modificationAsked() {
        LoggedRequest sent = AwsWireFixture.lastQuery(wm, "ModifyDBInstance");
        return new Modification(AwsWireFixture.formParam(sent, "DBInstanceClass"),
                Boolean.parseBoolean(AwsWireFixture.formParam(sent, "ApplyImmediately")));
    }

    @Override
    protected int callsSent() {
        return wm.getAllServeEvents().size();
    }
}
