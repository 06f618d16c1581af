using System.IO.Compression;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Osv;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Parsers.Osv;

public sealed class OsvJsonParserTests
{
    private static readonly OsvJsonParser Parser = new();

    [Fact]
    public void Parse_RealGoRecord_ReadsRangesAndIdentity()
    {
        var advisory = ParseOk("GO-2020-0015.json");
        Assert.Equal("GO-2020-0015", advisory.Id);
        Assert.Equal("GO", advisory.Source);
        Assert.Contains("CVE-2020-14040", advisory.Aliases);
        var affected = Assert.Single(advisory.Affected);
        Assert.Equal(new PackageKey("Go", "golang.org/x/text"), affected.Key);
        var range = Assert.Single(affected.Ranges);
        Assert.Equal(RangeType.Semver, range.Type);
        Assert.Equal([new RangeEvent(RangeEventKind.Introduced, "0"), new RangeEvent(RangeEventKind.Fixed, "0.3.3")], range.Events);
        Assert.Equal(["0.3.3"], affected.FixedVersions);
        Assert.Null(advisory.Withdrawn);
    }

    [Fact]
    public void Parse_WithdrawnRecord_KeepsWithdrawnTime()
    {
        var advisory = ParseOk("GO-2022-0617-withdrawn.json");
        Assert.NotNull(advisory.Withdrawn);
    }

    [Fact]
    public void Parse_RustSecRecord_TakesSummaryAndAliases()
    {
        var advisory = ParseOk("rustsec.json");
        Assert.Equal("RUSTSEC", advisory.Source);
        Assert.Equal("XSS in mdBook's search page", advisory.Summary);
        Assert.Equal(["CVE-2020-26297"], advisory.Aliases);
    }

    public static TheoryData<string, string, string?> Invalid => new()
    {
        { "invalid-truncated.json", "invalid JSON", "3:1" },
        { "invalid-missing-modified.json", "'modified' is missing", null },
        { "invalid-bad-event.json", "exactly one of introduced, fixed, last_affected, limit", "affected[0].ranges[0].events[1]" },
        { "invalid-array.json", "expected a JSON object", null },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_Invalid_RejectsWithPlace(string file, string message, string? location)
    {
        var result = Parser.Parse(file, File.ReadAllBytes(TestData(file)));
        Assert.Null(result.Advisory);
        var rejection = Assert.IsType<Diagnostic>(result.Rejection);
        Assert.Equal(DiagnosticCodes.NotOsv, rejection.Code);
        Assert.Equal(file, rejection.Path);
        Assert.Contains(message, rejection.Message, StringComparison.Ordinal);
        Assert.Equal(location, rejection.Location);
    }

    // Found in review: null items in OSV arrays threw NullReferenceException, or poisoned the knowledge base.
    [Theory]
    [InlineData("\"aliases\": [null]", "aliases[0]")]
    [InlineData("\"severity\": [null]", "severity[0]")]
    [InlineData("\"affected\": [null]", "affected[0]")]
    [InlineData("\"affected\": [{\"package\": {\"ecosystem\": \"Go\", \"name\": \"x\"}, \"versions\": [null, \"v1.0.0\"]}]", "affected[0].versions[0]")]
    [InlineData("\"affected\": [{\"package\": {\"ecosystem\": \"Go\", \"name\": \"x\"}, \"ranges\": [null]}]", "affected[0].ranges[0]")]
    [InlineData("\"affected\": [{\"package\": {\"ecosystem\": \"Go\", \"name\": \"x\"}, \"ranges\": [{\"type\": \"SEMVER\", \"events\": [null]}]}]", "affected[0].ranges[0].events[0]")]
    public void Parse_NullArrayItem_RejectsWithPath(string member, string location)
    {
        var json = $"{{\"id\": \"X-1\", \"modified\": \"2024-01-01T00:00:00Z\", {member}}}";
        var result = Parser.Parse("x.json", System.Text.Encoding.UTF8.GetBytes(json));
        Assert.Null(result.Advisory);
        Assert.Equal(location, result.Rejection?.Location);
    }

    // Found in review: an event with two keys was read as its first, an unknown range type was skipped silently, and
    // RFC 3339 times with more than seven fraction digits were refused.
    [Theory]
    [InlineData("\"modified\": \"2024-01-01T00:00:00Z\", \"affected\": [{\"package\": {\"ecosystem\": \"Go\", \"name\": \"x\"}, \"ranges\": [{\"type\": \"SEMVER\", \"events\": [{\"introduced\": \"0\", \"fixed\": \"1.0.0\"}]}]}]", "affected[0].ranges[0].events[0]")]
    [InlineData("\"modified\": \"2024-01-01T00:00:00Z\", \"affected\": [{\"package\": {\"ecosystem\": \"Go\", \"name\": \"x\"}, \"ranges\": [{\"type\": \"FOO\", \"events\": []}]}]", "affected[0].ranges[0].type")]
    public void Parse_AmbiguousOrUnknownRange_Rejected(string members, string location)
    {
        var result = Parser.Parse("x.json", System.Text.Encoding.UTF8.GetBytes($"{{\"id\": \"X-1\", {members}}}"));
        Assert.Equal(location, result.Rejection?.Location);
    }

    [Fact]
    public void Parse_NanosecondTime_IsRead()
    {
        var result = Parser.Parse("x.json", "{\"id\": \"X-1\", \"modified\": \"2024-01-01T00:00:00.123456789Z\"}"u8);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1_234_567), result.Advisory?.Modified);
    }

    [SkippableTheory]
    [InlineData("Go.zip")]
    [InlineData("PyPI.zip")]
    [InlineData("crates.io.zip")]
    [InlineData("Bitnami.zip")]
    public void Parse_EveryRecordOfSharedExport_Succeeds(string zip)
    {
        RepoPaths.RequireShared();
        using var archive = ZipFile.OpenRead(RepoPaths.SharedData("osv", zip));
        var rejected = new List<string>();
        var parsed = 0;
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var result = Parser.Parse(entry.FullName, buffer.ToArray());
            if (result.Advisory is null)
            {
                rejected.Add(result.Rejection!.ToString());
            }
            else
            {
                parsed++;
                Assert.Equal(Path.GetFileNameWithoutExtension(entry.FullName), result.Advisory.Id);
            }
        }

        Assert.Empty(rejected);
        Assert.Equal(archive.Entries.Count, parsed);
    }

    [Fact]
    public void Parse_References_KeepsThoseEvidencingAnExploit()
    {
        const string record = """
            {"id": "PYSEC-1", "modified": "2024-01-01T00:00:00Z", "references": [
              {"type": "EVIDENCE", "url": "https://example.org/poc.py"},
              {"type": "WEB", "url": "https://www.exploit-db.com/exploits/51234"},
              {"type": "ADVISORY", "url": "http://packetstormsecurity.com/files/170000/x.html"},
              {"type": "WEB", "url": "https://example.org/exploit-db.com"},
              {"type": "FIX", "url": "https://github.com/o/r/commit/abc"}, null]}
            """;

        var result = Parser.Parse("PYSEC-1.json", System.Text.Encoding.UTF8.GetBytes(record));

        Assert.Equal(
            ["https://example.org/poc.py", "https://www.exploit-db.com/exploits/51234", "http://packetstormsecurity.com/files/170000/x.html"],
            Assert.IsType<Advisory>(result.Advisory).ExploitReferences);
    }

    [Fact]
    public void Parse_DatabaseSpecificCweIds_AreTheAdvisorysCwes()
    {
        const string record = """{"id": "GHSA-1", "modified": "2024-01-01T00:00:00Z", "database_specific": {"cwe_ids": ["CWE-79", "CWE-1321", "CWE-79", "NVD-CWE-Other", 7]}}""";

        var result = Parser.Parse("GHSA-1.json", System.Text.Encoding.UTF8.GetBytes(record));

        Assert.Equal(["CWE-1321", "CWE-79"], Assert.IsType<Advisory>(result.Advisory).Cwes);
    }

    private static Advisory ParseOk(string file)
    {
        var result = Parser.Parse(file, File.ReadAllBytes(TestData(file)));
        Assert.True(result.Advisory is not null, result.Rejection?.ToString());
        return result.Advisory;
    }

    private static string TestData(string file) => Path.Combine(AppContext.BaseDirectory, "Parsers", "Osv", "testdata", file);
}
