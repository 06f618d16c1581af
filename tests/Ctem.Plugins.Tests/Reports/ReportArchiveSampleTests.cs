using Ctem.Core.Model;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports;

/// <summary>
/// Every report in DefectDojo's scans archive that a parser claims (variants beyond the loose samples: Snyk's
/// upgrade-libs project, Semgrep Pro, Nessus .nessus files, …) reads without an error.
/// </summary>
public sealed class ReportArchiveSampleTests
{
    public static TheoryData<string> Parsers => new()
    {
        "masscan/json", "naabu/jsonl", "httpx/jsonl", "openvas/xml", "openvas/csv", "nessus/csv", "nessus/xml", "gitleaks/json", "semgrep/json", "snyk/json",
    };

    [SkippableTheory]
    [MemberData(nameof(Parsers))]
    public async Task Parse_EveryClaimedArchiveEntry_ReadsWithoutError(string name)
    {
        RepoPaths.RequireShared();
        var parser = BuiltInPlugins.ReportParsers.Single(p => p.Name == name);
        var claimed = ReportParserHarness.SharedArchiveEntries().Where(e => parser.Claims(e.Name, e.Content)).ToList();
        Assert.NotEmpty(claimed);

        foreach (var (entry, content) in claimed)
        {
            var result = await parser.ParseAsync(entry, content);

            Assert.True(result.Report is ScannerReport, $"{entry}: {string.Join("; ", result.Diagnostics.Select(d => d.Message))}");
            Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        }
    }
}
