using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Composer;
using Xunit;

namespace Ctem.Plugins.Tests.Parsers.Composer;

public sealed class ComposerLockParserTests
{
    private static readonly ComposerLockParser Parser = new();

    private static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "Parsers", "Composer", "testdata", name);

    private static async Task<InventoryResult> ParseFile(string name, bool related)
    {
        await using var stream = File.OpenRead(TestData(name));
        var source = new InputSource(TestData(name), stream) { Related = related ? p => File.Exists(p) ? File.ReadAllBytes(p) : null : null };
        return await Parser.ParseAsync(source, CancellationToken.None);
    }

    private static async Task<InventoryResult> ParseText(string text, Func<string, byte[]?>? related = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await Parser.ParseAsync(new InputSource("/p/composer.lock", stream) { Related = related }, CancellationToken.None);
    }

    [Theory]
    [InlineData("/p/composer.lock", true)]
    [InlineData("/p/composer.json", false)]
    public void CanParse_FileName_Decides(string path, bool expected) => Assert.Equal(expected, Parser.CanParse(path, []));

    [Fact]
    public async Task Parse_WithComposerJson_ScopesEdgesHashesAndDirectRequires()
    {
        var result = await ParseFile("composer.lock", related: true);

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(new ProductRef("acme/billing", null), inventory.Product);
        Assert.Equal(
            [
                "guzzlehttp/guzzle 7.8.1 pkg:composer/guzzlehttp/guzzle@7.8.1 Runtime Direct /packages/0",
                "guzzlehttp/promises 2.0.2 pkg:composer/guzzlehttp/promises@2.0.2 Runtime Transitive /packages/1",
                "psr/http-client 1.0.3 pkg:composer/psr/http-client@1.0.3 Runtime Transitive /packages/2",
                "Monolog/Monolog v2.9.2 pkg:composer/monolog/monolog@v2.9.2 Runtime Direct /packages/3",
                "phpunit/phpunit 10.5.10 pkg:composer/phpunit/phpunit@10.5.10 Development Direct /packages-dev/0",
            ],
            inventory.Components.Select(c => $"{c.Name} {c.Version} {c.Purl} {c.Scope} {c.Relation} {c.Location.Pointer}"));
        Assert.Equal(new PackageKey("Packagist", "monolog/monolog"), inventory.Components[3].PackageKey);
        Assert.Equal(["pkg:composer/guzzlehttp/promises@2.0.2", "pkg:composer/psr/http-client@1.0.3"], inventory.Components[0].DependsOn);
        Assert.Empty(inventory.Components[0].Hashes);
        Assert.Equal(new ComponentHash("SHA-1", "0b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c"), Assert.Single(inventory.Components[1].Hashes));
        Assert.Equal(["MIT"], inventory.Components[0].Licenses);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "/packages/4"), (warning.Severity, warning.Location));
    }

    [Fact]
    public async Task Parse_WithoutComposerJson_RelationUnspecified()
    {
        var result = await ParseFile("composer.lock", related: false);

        Assert.Null(result.Inventory!.Product);
        Assert.All(result.Inventory.Components, c => Assert.Equal(DependencyRelation.Unspecified, c.Relation));
    }

    [Fact]
    public async Task Parse_BrokenComposerJson_WarnsAndLeavesRelationUnspecified()
    {
        var result = await ParseText("{\"packages\": [{\"name\": \"a/b\", \"version\": \"1.0.0\"}]}", _ => "{ nope"u8.ToArray());

        Assert.Equal(DependencyRelation.Unspecified, Assert.Single(result.Inventory!.Components).Relation);
        Assert.Equal(DiagnosticCodes.InvalidJson, Assert.Single(result.Diagnostics).Code);
    }

    public static TheoryData<string, string, string?> Invalid => new()
    {
        { "{\"packages\": [ {\"name\": \"a/b\" ", DiagnosticCodes.InvalidJson, "1:31" },
        { "{\"name\": \"acme/app\"}", DiagnosticCodes.UnsupportedFormat, null },
        { "{\"packages\": [], \"packages-dev\": []}", DiagnosticCodes.NoComponents, null },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(string text, string code, string? location)
    {
        var result = await ParseText(text);

        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((code, location), (error.Code, error.Location));
    }
}
