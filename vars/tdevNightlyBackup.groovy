import groovy.transform.Field

// The runbook's nightly backup as a job: an on-demand DynamoDB backup waited for until AVAILABLE and verified
// against the table, on the configured day of the month the backup-integrity check (a restore into a NEW table,
// verified), then the read-only disaster-recovery check; the report archived as Markdown and JSON.

// The parameters of tdevNightlyBackup and their defaults (null next to "from backup.yaml": that resource).
// Where the steps run (environment, configFile, credentialsId, region, roleArn) is tdevSettings.WHERE_DEFAULTS.
@Field static final Map DEFAULTS = [
        verify           : null,            // compare the backup's item count and size with the table's; from backup.yaml (true)
        integrityCheckDay: null,            // day of the month (UTC) of the restore-and-verify integrity check, 0 = never; from backup.yaml (1)
        drCheck          : null,            // run tdevDrCheck after the backup (a failed check: UNSTABLE); from backup.yaml (true)
        today            : null,            // the date the job treats as today (yyyy-MM-dd, UTC); null = the build's own date
        reportName       : 'backup-report', // files REPORTNAME.md and REPORTNAME.json in the workspace, archived
        backupResource   : 'io/tdev/ops/backup.yaml',
]

def call(Map config = [:]) {
    Map s = tdevSettings.resolve('tdevNightlyBackup', DEFAULTS, config)
    validate(s)
    String today = s.today ?: utcToday()
    List sections = []

    Map backup
    stage('Backup') {
        backup = tdevBackup(tdevSettings.stepArgs(s, [verify: s.verify]))
        echo "tdevNightlyBackup: ${backup.name} ${backup.status}; ${backup.message}"
        sections << backupMarkdown(backup)
    }
    if (backup.status != 'AVAILABLE' || backup.verified == false) {
        writeReport(s, sections, [backup: backup])
        error("tdevNightlyBackup: backup ${backup.name} is ${backup.status}${backup.verified == false ? ', NOT verified' : ''}: ${backup.message}" +
                (backup.next ? "; next: ${backup.next}" : ''))
    }

    Map integrity = null
    if (s.integrityCheckDay > 0 && dayOfMonth(today) == s.integrityCheckDay) {
        stage('Integrity check') {
            String target = "${backup.table}-integrity-${today.replace('-', '')}"
            integrity = tdevRestore(tdevSettings.stepArgs(s, [backup: backup.backupArn, targetTable: target]))
            echo "tdevNightlyBackup: integrity check ${integrity.status}, verified=${integrity.verified}: ${integrity.message}"
            echo "tdevNightlyBackup: the scratch table ${target} stays for inspection; delete it with: aws dynamodb delete-table --table-name ${target}"
            sections << restoreMarkdown(integrity)
        }
        if (!(integrity.status == 'ACTIVE' && integrity.verified == true)) {
            writeReport(s, sections, [backup: backup, integrity: integrity])
            error("tdevNightlyBackup: the monthly integrity check of ${backup.name} failed: ${integrity.message}")
        }
    }

    Map dr = null
    if (s.drCheck) {
        stage('DR check') {
            dr = tdevDrCheck(tdevSettings.stepArgs(s, [:]))
            echo "tdevNightlyBackup: disaster-recovery check ${dr.passed ? 'passed' : 'FAILED'}"
            sections << drMarkdown(dr)
        }
    }

    stage('Report') {
        writeReport(s, sections, [backup: backup, integrity: integrity, drCheck: dr])
    }
    currentBuild.description = "${backup.name} ${backup.status}${backup.verified ? ' verified' : ''}" +
            (integrity ? "; integrity ${integrity.verified ? 'verified' : 'FAILED'}" : '') +
            (dr ? "; DR check ${dr.passed ? 'passed' : 'FAILED'}" : '')
    if (dr != null && !dr.passed) {
        unstable("tdevNightlyBackup: the disaster-recovery check failed: " + failedChecks(dr))
    }
    return [backup: backup, integrity: integrity, drCheck: dr]
}

void validate(Map s) {
    if (!(s.verify instanceof Boolean)) {
        error("tdevNightlyBackup: verify must be true or false; got '${s.verify}'")
    }
    if (!(s.drCheck instanceof Boolean)) {
        error("tdevNightlyBackup: drCheck must be true or false; got '${s.drCheck}'")
    }
    tdevSettings.requirePositive('tdevNightlyBackup', 'integrityCheckDay', s.integrityCheckDay, 0)
    if (s.integrityCheckDay > 28) {
        error("tdevNightlyBackup: integrityCheckDay must be 0 (never) or 1..28 (a day every month has); got ${s.integrityCheckDay}")
    }
    if (s.today != null && !(s.today ==~ /\d{4}-\d{2}-\d{2}/)) {
        error("tdevNightlyBackup: today must be a date yyyy-MM-dd or null; got '${s.today}'")
    }
    if (!(s.reportName ==~ /[A-Za-z0-9._-]+/)) {
        error("tdevNightlyBackup: reportName must be a file name of letters, digits, '.', '_' or '-'; got '${s.reportName}'")
    }
}

void writeReport(Map s, List sections, Map results) {
    writeFile(file: "${s.reportName}.md", text: sections.join('\n\n'))
    writeJSON(file: "${s.reportName}.json", json: tdevSettings.withoutNulls(results), pretty: 2)
    archiveArtifacts(artifacts: "${s.reportName}.md,${s.reportName}.json", allowEmptyArchive: false)
}

@NonCPS
String utcToday() {
    return new Date().format('yyyy-MM-dd', TimeZone.getTimeZone('UTC'))
}

@NonCPS
int dayOfMonth(String date) {
    return Integer.parseInt(date.substring(8, 10))
}

@NonCPS
String backupMarkdown(Map b) {
    return "## Backup ${b.name}: **${b.status}**${b.verified == null ? '' : (b.verified ? ' (verified)' : ' (NOT verified)')}\n\n" +
            "| | backup | table |\n|---|---|---|\n| items | ${b.itemCount ?: ''} | ${b.tableItemCount} |\n" +
            "| bytes | ${b.sizeBytes ?: ''} | ${b.tableSizeBytes} |\n\n${b.message}\n"
}

@NonCPS
String restoreMarkdown(Map r) {
    return "## Integrity check: ${r.backupName} restored into ${r.restoredTable}: **${r.status}**" +
            "${r.verified ? ' (verified)' : ' (NOT verified)'}\n\n${r.message}\n"
}

@NonCPS
String drMarkdown(Map dr) {
    StringBuilder md = new StringBuilder("## Disaster-recovery readiness: **${dr.passed ? 'PASSED' : 'FAILED'}**\n\n")
    md << "| check | status | evidence |\n|---|---|---|\n"
    dr.checks.each { Map c -> md << "| ${c.name} | ${c.status} | ${String.valueOf(c.evidence).replace('|', '\\|')} |\n" }
    return md.toString()
}

@NonCPS
String failedChecks(Map dr) {
    return dr.checks.findAll { it.status != 'PASS' }.collect { "${it.name} ${it.status} (${it.evidence})" }.join('; ')
}
