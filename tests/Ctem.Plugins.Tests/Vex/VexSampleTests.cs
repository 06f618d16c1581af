using Ctem.Core.Diagnostics;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Vex;

/// <summary>Every real VEX sample: which reader claims it, and how many statements it gives or why it is refused.</summary>
public sealed class VexSampleTests
{
    // Counted with python3, independently of the readers: OpenVEX, per statement one for its products without
    // subcomponents plus one per product with subcomponents; CSAF 2.0, the product ids in the status lists but
    // "recommended", less known_not_affected ones that no flag or impact threat names ("skipped"); CycloneDX 1.4+, the
    // vulnerabilities whose analysis has a state ("without": those that have none). "refused": the error's opening words.
    [SkippableTheory]
    [InlineData("openvex", "defectdojo__openvex_many_vuln.json", "openvex/json", 6, 0, null)]
    [InlineData("openvex", "defectdojo__openvex_no_vuln.json", "openvex/json", 0, 0, null)]
    [InlineData("openvex", "defectdojo__openvex_one_vuln.json", "openvex/json", 1, 0, null)]
    [InlineData("openvex", "defectdojo__openvex_not_a_document.json", "openvex/json", null, null, "not an OpenVEX document: expected a JSON object")]
    [InlineData("csaf", "defectdojo__csaf_many_vuln.json", "csaf/json", 4, 1, null)]
    [InlineData("csaf", "defectdojo__csaf_no_vuln.json", "csaf/json", 0, 0, null)]
    [InlineData("csaf", "defectdojo__csaf_one_vuln.json", "csaf/json", 1, 0, null)]
    [InlineData("csaf", "defectdojo__csaf_unsupported_version.json", "csaf/json", null, null, "unsupported CSAF version 1.2")]
    [InlineData("cyclonedx-vex", "defectdojo__issue_8022.json", "cyclonedx-vex/json", 1, 0, null)]
    [InlineData("cyclonedx-vex", "defectdojo__issue_9277.json", "cyclonedx-vex/json", 0, 10, null)]
    [InlineData("cyclonedx-vex", "defectdojo__jake2.json", "cyclonedx-vex/json", 0, 7, null)]
    [InlineData("cyclonedx-vex", "defectdojo__log4j.json", "cyclonedx-vex/json", 8, 0, null)]
    [InlineData("cyclonedx-vex", "defectdojo__nested-component-log4j.json", "cyclonedx-vex/json", 8, 0, null)]
    [InlineData("cyclonedx-vex", "defectdojo__no-severity.json", "cyclonedx-vex/json", 0, 1, null)]
    [InlineData("cyclonedx-vex", "defectdojo__valid-vulnerability-1.4.json", "cyclonedx-vex/json", 1, 0, null)]
    [InlineData("cyclonedx-vex", "defectdojo__cyclonedx_bom.xml", "cyclonedx-vex/xml", null, null, "unsupported CycloneDX version 1.0")]
    [InlineData("cyclonedx-vex", "defectdojo__jake.xml", "cyclonedx-vex/xml", null, null, "unsupported CycloneDX version 1.1")]
    [InlineData("cyclonedx-vex", "defectdojo__log4j.xml", "cyclonedx-vex/xml", 8, 0, null)]
    [InlineData("cyclonedx-vex", "defectdojo__multiple_cwes_fabricated.xml", "cyclonedx-vex/xml", 0, 1, null)]
    [InlineData("cyclonedx-vex", "defectdojo__retirejs.latest.xml", "cyclonedx-vex/xml", null, null, "unsupported CycloneDX version 1.0")]
    [InlineData("cyclonedx-vex", "defectdojo__spec1.xml", "cyclonedx-vex/xml", null, null, "unsupported CycloneDX version 1.2")]
    [InlineData("cyclonedx-vex", "defectdojo__spec1_lowfirst.xml", "cyclonedx-vex/xml", null, null, "unsupported CycloneDX version 1.2")]
    [InlineData("cyclonedx-vex", "defectdojo__valid-vulnerability-1.4.xml", "cyclonedx-vex/xml", 1, 0, null)]
    public void Read_EverySharedSample_ClaimedAndCounted(string folder, string file, string reader, int? statements, int? leftOut, string? refused)
    {
        RepoPaths.RequireShared();

        var (claimedBy, result) = VexHarness.ReadShared(folder, file);

        Assert.Equal(reader, claimedBy?.Name);
        if (refused is not null)
        {
            Assert.Null(result!.Document);
            var error = Assert.Single(result.Diagnostics);
            Assert.True(error.IsError);
            Assert.StartsWith(refused, error.Message, StringComparison.Ordinal);
            Assert.EndsWith(file, error.Path, StringComparison.Ordinal);
            return;
        }

        Assert.DoesNotContain(result!.Diagnostics, d => d.IsError);
        Assert.Equal(statements, result.Document!.Statements.Count);
        var warnings = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();
        if (leftOut == 0)
        {
            Assert.Empty(warnings);
        }
        else if (folder == "csaf")
        {
            Assert.Equal(leftOut, warnings.Count);
        }
        else
        {
            Assert.StartsWith($"{leftOut} of ", Assert.Single(warnings).Message, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void Read_EverySharedSample_TableCoversTheFolders()
    {
        RepoPaths.RequireShared();
        Assert.Equal(
            (4, 4, 15),
            (Directory.GetFiles(RepoPaths.SharedData("scanners", "openvex")).Length,
             Directory.GetFiles(RepoPaths.SharedData("scanners", "csaf")).Length,
             Directory.GetFiles(RepoPaths.SharedData("scanners", "cyclonedx-vex")).Length));
    }

    [SkippableFact]
    public void Detect_OtherScannersOutputs_NoVexReaderClaimsThem()
    {
        RepoPaths.RequireShared();
        var vexFolders = new[] { "openvex", "csaf", "cyclonedx-vex" };
        var claimed = Directory.EnumerateDirectories(RepoPaths.SharedData("scanners"))
            .Where(d => !vexFolders.Contains(Path.GetFileName(d)))
            .SelectMany(Directory.EnumerateFiles)
            .Where(f => !f.EndsWith(".zip", StringComparison.Ordinal))
            .Where(f => VexHarness.Detect(f, File.ReadAllBytes(f)) is { } reader && !reader.Name.StartsWith("cyclonedx", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepoPaths.SharedData("scanners"), f))
            .ToList();

        Assert.Empty(claimed);
    }
}
