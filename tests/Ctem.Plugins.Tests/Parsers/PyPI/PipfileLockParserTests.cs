using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.PyPI;
using Xunit;
using static Ctem.Plugins.Tests.Parsers.PyPI.PypiTestFiles;

namespace Ctem.Plugins.Tests.Parsers.PyPI;

public sealed class PipfileLockParserTests
{
    private static readonly PipfileLockParser Parser = new();

    [Theory]
    [InlineData("/p/Pipfile.lock", true)]
    [InlineData("/p/Pipfile", false)]
    [InlineData("/p/package-lock.json", false)]
    public void CanParse_FileName_Decides(string path, bool expected) => Assert.Equal(expected, Parser.CanParse(path, []));

    [Fact]
    public async Task Parse_WithPipfile_ScopesFromSectionsAndRelationsFromPipfile()
    {
        var result = await Parse(Parser, "Pipfile.lock");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(
            [
                "flask 3.0.0 pkg:pypi/flask@3.0.0 Runtime Direct",
                "werkzeug 3.0.1 pkg:pypi/werkzeug@3.0.1 Runtime Transitive",
                "legacy-thing - pkg:pypi/legacy-thing Runtime Direct",
                "pytest 7.4.3 pkg:pypi/pytest@7.4.3 Development Direct",
            ],
            Describe(inventory));
        Assert.Equal("/default/flask", inventory.Components[0].Location.Pointer);
        Assert.Equal(2, inventory.Components[0].Hashes.Count);
        Assert.Equal(
            [(DiagnosticSeverity.Info, "/default/mylib"), (DiagnosticSeverity.Warning, "/default/legacy-thing")],
            result.Diagnostics.Select(d => (d.Severity, d.Location)));
        Assert.Contains("unpinned", result.Diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_WithoutPipfile_LeavesRelationUnspecified()
    {
        var result = await Parse(Parser, "Pipfile.lock", related: false);

        Assert.All(result.Inventory!.Components, c => Assert.Equal(DependencyRelation.Unspecified, c.Relation));
    }

    public static TheoryData<string, string, string?> Invalid => new()
    {
        { "{\"default\": {\"flask\": {\"version\": \"==3.0.0\"}", DiagnosticCodes.InvalidJson, "1:45" },
        { "[1, 2]", DiagnosticCodes.UnsupportedFormat, null },
        { "{\"_meta\": {}, \"default\": {}, \"develop\": {}}", DiagnosticCodes.NoComponents, null },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(string text, string code, string? location)
    {
        var result = await ParseText(Parser, "/p/Pipfile.lock", text);

        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((code, location), (error.Code, error.Location));
    }

    [Fact]
    public async Task Parse_EntryNotAnObject_WarnsAndKeepsTheRest()
    {
        var result = await ParseText(Parser, "/p/Pipfile.lock", "{\"default\": {\"a/b\": 3, \"six\": {\"version\": \"==1.16.0\"}}}");

        Assert.Equal("six", Assert.Single(result.Inventory!.Components).Name);
        Assert.Equal("/default/a~1b", Assert.Single(result.Diagnostics).Location);
    }
}
