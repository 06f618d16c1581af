using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Plugins;
using Ctem.Testing;
using Xunit;

namespace Ctem.Engine.Tests.Discovery.Reports;

public sealed class ReportIngesterTests
{
    /// <summary>Shared samples (by name prefix) a parser claims but must refuse, with the start of the reason.</summary>
    private static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        ["nmap/libnmap__defused_et_local_includer.xml"] = "refused: the document has a DOCTYPE",
        ["cyclonedx-vex/defectdojo__cyclonedx_bom.xml"] = "no vulnerabilities",
        ["cyclonedx-vex/defectdojo__jake.xml"] = "no vulnerabilities",
        ["cyclonedx-vex/defectdojo__retirejs.latest.xml"] = "no vulnerabilities",
        ["sarif/sarif-sdk__spec-example__"] = "SARIF version 2.0.0",
    };

    public static TheoryData<string> Tools => new()
    {
        "trivy", "grype", "osv-scanner", "sarif", "nuclei", "nmap", "zap", "dependency-check", "cyclonedx-vex", "npm-audit",
        "dotnet-list-package-vulnerable", "github-dependabot", "masscan", "naabu", "httpx", "openvas", "tenable-nessus", "semgrep", "snyk",
    };

    /// <summary>
    /// Every claimed sample of a supported tool goes through ingest into the store: stored as one run whose findings are
    /// the parser's findings less only exact repeats of one exposure (same identity) within the report.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Tools))]
    public async Task Ingest_EverySharedSampleOfTheTool_StoresItsFindings(string tool)
    {
        RepoPaths.RequireShared();
        await using var fixture = await EngineFixture.CreateAsync();
        var ingester = new ReportIngester(fixture.Store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default), fixture.Time);
        var files = Directory.EnumerateFiles(RepoPaths.SharedData("scanners", tool)).Where(f => !f.EndsWith(".zip", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        var ingested = 0;
        foreach (var file in files)
        {
            var content = await File.ReadAllBytesAsync(file);
            var parser = BuiltInPlugins.ReportParsers.FirstOrDefault(p => p.CanParse(file, content.AsSpan(0, Math.Min(4096, content.Length))));
            if (parser is null)
            {
                continue;
            }

            var name = $"{tool}/{Path.GetFileName(file)}";
            var report = await ingester.IngestAsync(new IngestRequest([file], name, null), CancellationToken.None);
            if (Refused.FirstOrDefault(r => name.StartsWith(r.Key, StringComparison.Ordinal)).Value is { } reason)
            {
                Assert.Equal(OperationStatus.Failed, report.Status);
                Assert.Contains(report.Diagnostics, d => d.IsError && d.Message.StartsWith(reason, StringComparison.Ordinal));
                continue;
            }

            // Partial: the parser skipped a record (or a target it could not scan); the rest is stored all the same.
            Assert.True(report.Status is OperationStatus.Succeeded or OperationStatus.Partial, $"{name}: {string.Join("; ", report.Diagnostics.Where(d => d.IsError))}");
            Assert.Equal(report.Status == OperationStatus.Partial, report.Diagnostics.Any(d => d.Code == Core.Diagnostics.DiagnosticCodes.RecordSkipped));
            var expected = await DistinctExposuresAsync(parser, file, content);
            var stored = await fixture.Store.GetCurrentFindingsAsync(name, CancellationToken.None);
            Assert.True(expected == stored.Count, $"{name}: {expected} distinct exposures, {stored.Count} stored");
            ingested++;
        }

        Assert.True(ingested > 0, $"no sample of {tool} was ingested");
    }

    // The identity rule applied to the parser's own output: what the store must hold for one report.
    private static async Task<int> DistinctExposuresAsync(IReportParser parser, string file, byte[] content)
    {
        using var stream = new MemoryStream(content);
        var parsed = (await parser.ParseAsync(new InputSource(file, stream), CancellationToken.None)).Report!;
        var none = new Dictionary<string, IReadOnlyList<string>>();
        return parsed.Findings.Select(f => ReportFindingMapper.ToObserved(parsed, f, file, none)).Select(f => f.Key).Distinct(StringComparer.Ordinal).Count();
    }
}
