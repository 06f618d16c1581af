using System.IO.Compression;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Osv;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Parsers.Osv;

public sealed class OsvYamlParserTests
{
    private static readonly OsvYamlParser Parser = new();

    [Fact]
    public void Parse_RealPypaRecord_ReadsLikeJson()
    {
        var result = Parser.Parse("PYSEC-2021-335.yaml", File.ReadAllBytes(TestData("PYSEC-2021-335.yaml")));
        var advisory = Assert.IsType<Advisory>(result.Advisory);
        Assert.Equal("PYSEC-2021-335", advisory.Id);
        var affected = Assert.Single(advisory.Affected);
        Assert.Equal(new PackageKey("PyPI", "accesscontrol"), affected.Key);
        Assert.Contains(affected.Ranges, r => r.Type == RangeType.Git);
        Assert.Contains(affected.Ranges, r => r.Type == RangeType.Ecosystem);
        Assert.NotEmpty(affected.Versions);
    }

    [Theory]
    [InlineData("invalid-alias-bomb.yaml", "alias bomb")]
    [InlineData("invalid-syntax.yaml", "invalid YAML")]
    public void Parse_Hostile_IsRejected(string file, string message)
    {
        var result = Parser.Parse(file, File.ReadAllBytes(TestData(file)));
        Assert.Null(result.Advisory);
        Assert.Equal(DiagnosticCodes.NotOsv, result.Rejection?.Code);
        Assert.Contains(message, result.Rejection?.Message, StringComparison.Ordinal);
    }

    // Found in review: 50,000 nested brackets overflowed the stack (exit 134) before any limit was checked.
    [Fact]
    public void Parse_DeeplyNested_IsRejectedNotStackOverflow()
    {
        var yaml = "id: " + new string('[', 50_000) + new string(']', 50_000) + "\n";
        var result = Parser.Parse("deep.yaml", System.Text.Encoding.UTF8.GetBytes(yaml));
        Assert.Null(result.Advisory);
        Assert.Contains("deeper than 256", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Parse_EveryPypaYaml_MatchesTheJsonExport()
    {
        RepoPaths.RequireShared();
        var json = new OsvJsonParser();
        using var yamlZip = ZipFile.OpenRead(RepoPaths.SharedData("advisories-raw", "pypa-advisory-database-yaml.zip"));
        using var jsonZip = ZipFile.OpenRead(RepoPaths.SharedData("osv", "PyPI.zip"));
        var mismatches = new List<string>();
        foreach (var entry in yamlZip.Entries.Where(e => e.FullName.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            var fromYaml = Parser.Parse(entry.FullName, Read(entry)).Advisory;
            var id = Path.GetFileNameWithoutExtension(entry.FullName);
            var fromJson = json.Parse(id, Read(jsonZip.GetEntry($"{id}.json")!)).Advisory;
            if (fromYaml is null || fromJson is null || !Same(fromYaml, fromJson))
            {
                mismatches.Add(entry.FullName);
            }
        }

        Assert.Empty(mismatches);
        Assert.Equal(2661, yamlZip.Entries.Count(e => e.FullName.EndsWith(".yaml", StringComparison.Ordinal)));
    }

    private static bool Same(Advisory a, Advisory b) =>
        a.Id == b.Id && a.Modified == b.Modified && a.Aliases.SequenceEqual(b.Aliases)
        && a.Affected.Count == b.Affected.Count
        && a.Affected.Zip(b.Affected).All(p => p.First.Key == p.Second.Key
            && p.First.Versions.SequenceEqual(p.Second.Versions)
            && p.First.Ranges.Select(r => r.Events.Count).SequenceEqual(p.Second.Ranges.Select(r => r.Events.Count)));

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string TestData(string file) => Path.Combine(AppContext.BaseDirectory, "Parsers", "Osv", "testdata", file);
}
