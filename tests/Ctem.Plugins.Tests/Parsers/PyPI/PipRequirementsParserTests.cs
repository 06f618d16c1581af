using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.PyPI;
using Xunit;
using static Ctem.Plugins.Tests.Parsers.PyPI.PypiTestFiles;

namespace Ctem.Plugins.Tests.Parsers.PyPI;

public sealed class PipRequirementsParserTests
{
    private static readonly PipRequirementsParser Parser = new();

    [Theory]
    [InlineData("/p/requirements.txt", true)]
    [InlineData("/p/requirements-dev.txt", true)]
    [InlineData("/p/dev-requirements.txt", true)]
    [InlineData("/p/Requirements.TXT", true)]
    [InlineData("/p/constraints.txt", false)]
    [InlineData("/p/requirements.in", false)]
    public void CanParse_FileName_Decides(string path, bool expected) => Assert.Equal(expected, Parser.CanParse(path, []));

    [Fact]
    public async Task Parse_PinnedWithIncludesAndConstraints_ReadsEveryRegistryPackage()
    {
        var result = await Parse(Parser, "requirements.txt");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(
            [
                "charset_normalizer 3.3.2 pkg:pypi/charset-normalizer@3.3.2 Unspecified Direct",
                "Django 4.2.7 pkg:pypi/django@4.2.7 Unspecified Direct",
                "requests 2.31.0 pkg:pypi/requests@2.31.0 Unspecified Direct",
                "Zope.Interface 6.1 pkg:pypi/zope-interface@6.1 Unspecified Direct",
                "celery 5.3.4 pkg:pypi/celery@5.3.4 Unspecified Direct",
                "urllib3 2.0.7 pkg:pypi/urllib3@2.0.7 Unspecified Direct",
            ],
            Describe(inventory));
        Assert.Equal(new PackageKey("PyPI", "zope-interface"), inventory.Components[3].PackageKey);
        Assert.EndsWith(Path.Combine("requirements", "base.txt"), inventory.Components[0].Location.Path, StringComparison.Ordinal);
        Assert.Equal("line 3", inventory.Components[0].Location.Pointer);
        Assert.Equal("line 5", inventory.Components[1].Location.Pointer);
        Assert.Equal(["sha256", "sha256"], inventory.Components[1].Hashes.Select(h => h.Algorithm));
        Assert.Equal("fdb6d215c776278489906c2f8916e6e7d4f5a9b602ccbcfdf7f016fc8da0596e", Assert.Single(inventory.Components[5].Hashes).Value);
        Assert.DoesNotContain(inventory.Components, c => c.Name == "numpy");

        var cycle = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains("already included", cycle.Message, StringComparison.Ordinal);
        Assert.Equal("line 2", cycle.Location);
        Assert.Equal(["line 12", "line 13", "line 14"], result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Info).Select(d => d.Location));
    }

    [Fact]
    public async Task Parse_Unpinned_KeepsComponentWithoutVersionAndWarns()
    {
        var result = await ParseText(Parser, "/p/requirements.txt", "flask>=2.0\nrequests\npytz ~= 2023.3\nnumpy==1.*\n");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.All(inventory.Components, c => Assert.Null(c.Version));
        Assert.Equal(["pkg:pypi/flask", "pkg:pypi/requests", "pkg:pypi/pytz", "pkg:pypi/numpy"], inventory.Components.Select(c => c.Purl!.ToString()));
        Assert.Equal(4, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.UnparsableVersion && d.Message.Contains("unpinned", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Parse_IncludeWithoutRelatedReader_WarnsAndKeepsTheRest()
    {
        var result = await ParseText(Parser, "/p/requirements.txt", "-r base.txt\nsix==1.16.0\n");

        Assert.Equal("six", Assert.Single(result.Inventory!.Components).Name);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnreadableFile, warning.Code);
        Assert.Equal("line 1", warning.Location);
    }

    [Fact]
    public async Task Parse_SelfInclude_StopsTheCycle()
    {
        var text = "-r requirements.txt\nsix==1.16.0\n";
        var result = await ParseText(Parser, "/p/requirements.txt", text, _ => System.Text.Encoding.UTF8.GetBytes(text));

        Assert.Single(result.Inventory!.Components);
        Assert.Contains("already included", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "six==1.16.0\n!!bogus\n", DiagnosticCodes.UnsupportedFormat, "line 2" },
        { "six==1.16.0\nflask >= \n", DiagnosticCodes.UnsupportedFormat, "line 2" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Parse_BadLine_WarnsWithLineAndKeepsTheRest(string text, string code, string location)
    {
        var result = await ParseText(Parser, "/p/requirements.txt", text);

        Assert.Equal("six", Assert.Single(result.Inventory!.Components).Name);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.Equal((DiagnosticSeverity.Warning, code, location), (warning.Severity, warning.Code, warning.Location));
    }

    [Fact]
    public async Task Parse_OnlyCommentsAndOptions_EmptyInventoryWithWarning()
    {
        var result = await ParseText(Parser, "/p/requirements.txt", "# nothing\n--index-url https://pypi.org/simple\n");

        Assert.Empty(result.Inventory!.Components);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.NoComponents, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
    }
}
