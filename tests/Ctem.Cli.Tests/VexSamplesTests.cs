using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>
/// Issue 12 on every real VEX sample of the shared set, through <c>ctem vex import</c>: documents are recorded (kept for
/// later scans when nothing matches yet), non-documents and unsupported versions are clear errors naming the file, and
/// a bad file in a batch records nothing of the batch.
/// </summary>
public sealed class VexSamplesTests
{
    /// <summary>Cases: folder, sample, exit code, statements kept for later scans (counted apart from Ctem) or the error's text.</summary>
    public static TheoryData<string, string, int, string> Samples => new()
    {
        { "openvex", "defectdojo__openvex_many_vuln.json", 0, "6 match nothing yet" },
        { "openvex", "defectdojo__openvex_one_vuln.json", 0, "1 match nothing yet" },
        { "openvex", "defectdojo__openvex_no_vuln.json", 0, "0 match nothing yet" },
        { "openvex", "defectdojo__openvex_not_a_document.json", 3, "defectdojo__openvex_not_a_document.json" },
        { "csaf", "defectdojo__csaf_one_vuln.json", 0, "1 match nothing yet" },
        // A security advisory's known_not_affected product without a flag or threat: skipped with a warning, not guessed.
        { "csaf", "defectdojo__csaf_many_vuln.json", 0, "has no justification flag or impact threat; not recorded" },
        { "csaf", "defectdojo__csaf_no_vuln.json", 0, "0 match nothing yet" },
        { "csaf", "defectdojo__csaf_unsupported_version.json", 3, "defectdojo__csaf_unsupported_version.json" },
        { "cyclonedx-vex", "defectdojo__log4j.json", 0, "8 match nothing yet" },
        { "cyclonedx-vex", "defectdojo__log4j.xml", 0, "8 match nothing yet" },
        { "cyclonedx-vex", "defectdojo__nested-component-log4j.json", 0, "8 match nothing yet" },
        { "cyclonedx-vex", "defectdojo__valid-vulnerability-1.4.json", 0, "1 match nothing yet" },
        { "cyclonedx-vex", "defectdojo__valid-vulnerability-1.4.xml", 0, "1 match nothing yet" },
        { "cyclonedx-vex", "defectdojo__issue_8022.json", 0, "1 match nothing yet" },
        // Vulnerabilities without an analysis are findings, for 'ctem ingest', not statements.
        { "cyclonedx-vex", "defectdojo__jake2.json", 0, "they are findings" },
        { "cyclonedx-vex", "defectdojo__spec1.xml", 3, "unsupported CycloneDX version 1.2: VEX (vulnerabilities with an analysis) needs CycloneDX 1.4, 1.5, 1.6, 1.7" },
        { "cyclonedx-vex", "defectdojo__jake.xml", 3, "unsupported CycloneDX version 1.1" },
    };

    [SkippableTheory]
    [MemberData(nameof(Samples))]
    public async Task Import_RealSample_RecordedOrAClearError(string folder, string sample, int exitCode, string said)
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();

        var result = await fixture.RunAsync("vex", "import", RepoPaths.SharedData("scanners", folder, sample));

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(said, result.Stdout + result.Stderr, StringComparison.Ordinal);
        if (exitCode != 0)
        {
            Assert.Contains("nothing was recorded", result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Import_GoodAndBadTogether_RecordsNothingOfTheBatch()
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();
        var good = RepoPaths.SharedData("scanners", "openvex", "defectdojo__openvex_many_vuln.json");

        var batch = await fixture.RunAsync("vex", "import", good, RepoPaths.SharedData("scanners", "csaf", "defectdojo__csaf_unsupported_version.json"));
        var alone = await fixture.RunAsync("vex", "import", good);
        var again = await fixture.RunAsync("vex", "import", good);

        Assert.Equal(3, batch.ExitCode);
        Assert.Contains("6 match nothing yet", alone.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 match nothing yet", again.Stdout, StringComparison.Ordinal);
    }
}
