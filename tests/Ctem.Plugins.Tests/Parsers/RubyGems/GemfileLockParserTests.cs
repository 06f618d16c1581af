using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.RubyGems;
using Xunit;

namespace Ctem.Plugins.Tests.Parsers.RubyGems;

public sealed class GemfileLockParserTests
{
    private static readonly GemfileLockParser Parser = new();

    private static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "Parsers", "RubyGems", "testdata", name);

    private static async Task<InventoryResult> ParseText(string text, string path = "/p/Gemfile.lock")
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await Parser.ParseAsync(new InputSource(path, stream), CancellationToken.None);
    }

    [Theory]
    [InlineData("/p/Gemfile.lock", true)]
    [InlineData("/p/gems.locked", true)]
    [InlineData("/p/Gemfile", false)]
    public void CanParse_FileName_Decides(string path, bool expected) => Assert.Equal(expected, Parser.CanParse(path, []));

    [Fact]
    public async Task Parse_GemGitAndPathSections_ReadsSpecsPlatformsAndDirectGems()
    {
        var result = await ParseText(await File.ReadAllTextAsync(TestData("Gemfile.lock")), TestData("Gemfile.lock"));

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new ProductRef("storefront", "2.1.0"), inventory.Product);
        Assert.Equal(
            [
                "factory_bot 6.4.6 pkg:gem/factory_bot@6.4.6 Direct line 6",
                "activesupport 7.1.3.4 pkg:gem/activesupport@7.1.3.4 Direct line 18",
                "concurrent-ruby 1.3.3 pkg:gem/concurrent-ruby@1.3.3 Transitive line 21",
                "i18n 1.14.5 pkg:gem/i18n@1.14.5 Transitive line 22",
                "mini_portile2 2.8.7 pkg:gem/mini_portile2@2.8.7 Transitive line 24",
                "nokogiri 1.16.6 pkg:gem/nokogiri@1.16.6 Direct line 25",
                "nokogiri 1.16.6 pkg:gem/nokogiri@1.16.6 Direct line 28",
                "pg 1.5.6 pkg:gem/pg@1.5.6 Direct line 30",
                "racc 1.8.0 pkg:gem/racc@1.8.0 Transitive line 31",
                "rack 3.1.7 pkg:gem/rack@3.1.7 Direct line 32",
                "rails-html-sanitizer 1.6.0.rc1 pkg:gem/rails-html-sanitizer@1.6.0.rc1 Direct line 33",
            ],
            inventory.Components.Select(c => $"{c.Name} {c.Version} {c.Purl?.ToCoordinates()} {c.Relation} {c.Location.Pointer}"));
        Assert.All(inventory.Components, c => Assert.Equal(DependencyScope.Unspecified, c.Scope));
        Assert.Equal("x86_64-linux", inventory.Components[6].Purl!.Qualifiers["platform"]);
        Assert.Equal("git+https://github.com/thoughtbot/factory_bot.git@3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c", inventory.Components[0].Purl!.Qualifiers["vcs_url"]);
        Assert.Equal(["pkg:gem/concurrent-ruby@1.3.3", "pkg:gem/i18n@1.14.5"], inventory.Components[1].DependsOn);
        Assert.Equal(["pkg:gem/nokogiri@1.16.6", "pkg:gem/nokogiri@1.16.6?platform=x86_64-linux"], inventory.Components[10].DependsOn);
        Assert.Equal("sha256", Assert.Single(inventory.Components[6].Hashes).Algorithm);
        Assert.Empty(inventory.Components[5].Hashes);
    }

    [Fact]
    public async Task Parse_BadSpecLine_WarnsAndKeepsTheRest()
    {
        var result = await ParseText("GEM\n  remote: https://rubygems.org/\n  specs:\n    rake (13.2.1)\n    broken-no-version\n\nDEPENDENCIES\n  rake\n");

        Assert.Equal("rake", Assert.Single(result.Inventory!.Components).Name);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "line 5"), (warning.Severity, warning.Location));
    }

    public static TheoryData<string, string> Invalid => new()
    {
        { "{\"not\": \"a lock\"}", DiagnosticCodes.UnsupportedFormat },
        { "GEM\n  remote: https://rubygems.org/\n  specs:\n\nDEPENDENCIES\n", DiagnosticCodes.NoComponents },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_Fails(string text, string code)
    {
        var result = await ParseText(text);

        Assert.Null(result.Inventory);
        Assert.Equal(code, Assert.Single(result.Diagnostics, d => d.IsError).Code);
    }
}
