using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.NuGet;
using Xunit;
using static Ctem.Plugins.Tests.Parsers.NuGet.NuGetTestFiles;

namespace Ctem.Plugins.Tests.Parsers.NuGet;

public sealed class NuGetPackagesLockParserTests
{
    private static readonly NuGetPackagesLockParser Parser = new();

    [Theory]
    [InlineData("/src/App/packages.lock.json", true)]
    [InlineData("/src/App/PACKAGES.LOCK.JSON", true)]
    [InlineData("/src/App/packages.App.lock.json", true)]
    [InlineData("/src/App/package-lock.json", false)]
    [InlineData("/src/App/packages.config", false)]
    public void CanParse_FileName_Decides(string path, bool expected) => Assert.Equal(expected, Parser.CanParse(path, []));

    // Expected list taken from the file with Python's json module, not with the parser.
    [Fact]
    public async Task Parse_MultiFrameworkCpmLock_MergesFrameworksAndSkipsProjects()
    {
        var result = await ParseFile(Parser, TestData("cpm-solution", "src", "Inventory.Api", "packages.lock.json"));

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Null(inventory.Product);
        Assert.Equal(
            [
                ("Microsoft.CodeAnalysis.BannedApiAnalyzers", "5.6.0", DependencyRelation.Direct),
                ("Microsoft.Data.Sqlite", "11.0.0", DependencyRelation.Direct),
                ("Spectre.Console", "0.57.2", DependencyRelation.Direct),
                ("Microsoft.Data.Sqlite.Core", "11.0.0", DependencyRelation.Transitive),
                ("Microsoft.Extensions.Logging.Abstractions", "10.0.0", DependencyRelation.Transitive),
                ("Spectre.Console.Ansi", "0.57.2", DependencyRelation.Transitive),
                ("SQLite", "3.53.4", DependencyRelation.Transitive),
                ("SQLitePCLRaw.bundle_e_sqlite3", "3.0.5", DependencyRelation.Transitive),
                ("SQLitePCLRaw.config.e_sqlite3", "3.0.5", DependencyRelation.Transitive),
                ("SQLitePCLRaw.core", "3.0.5", DependencyRelation.Transitive),
                ("SQLitePCLRaw.provider.e_sqlite3", "3.0.5", DependencyRelation.Transitive),
                ("Microsoft.Extensions.DependencyInjection.Abstractions", "10.0.0", DependencyRelation.Transitive),
                ("Npgsql", "10.0.3", DependencyRelation.Transitive),
                ("YamlDotNet", "18.1.0", DependencyRelation.Transitive),
                ("Polly.Core", "8.9.1", DependencyRelation.Direct),
            ],
            inventory.Components.Select(c => (c.Name, c.Version!, c.Relation)));
        Assert.DoesNotContain(inventory.Components, c => c.Name.Equals("inventory.data", StringComparison.OrdinalIgnoreCase));
        Assert.All(inventory.Components, c => Assert.Equal(DependencyScope.Unspecified, c.Scope));
        Assert.All(inventory.Components, c => Assert.Equal(new PackageKey("NuGet", c.Name.ToLowerInvariant()), c.PackageKey));

        var sqlite = inventory.Components[1];
        Assert.Equal("pkg:nuget/Microsoft.Data.Sqlite@11.0.0", sqlite.Purl?.ToString());
        Assert.Equal(sqlite.Purl?.ToString(), sqlite.BomRef);
        Assert.Equal("/dependencies/net10.0/Microsoft.Data.Sqlite", sqlite.Location.Pointer);
        Assert.Equal(
            ["pkg:nuget/Microsoft.Data.Sqlite.Core@11.0.0", "pkg:nuget/SQLitePCLRaw.bundle_e_sqlite3@3.0.5", "pkg:nuget/SQLitePCLRaw.core@3.0.5"],
            sqlite.DependsOn);
        Assert.Equal(
            new ComponentHash("sha512", "29ca1bb77a6739d3b403ee822a230765d4c496e269b1fc62576d1ac6d65d99f0509c39a259328f2400e58007dd4ee28d02755aaeb9096b45041b0b8ea3dd66bb"),
            Assert.Single(inventory.Components[0].Hashes));
        Assert.Equal("/dependencies/net10.0-windows7.0/Polly.Core", inventory.Components[^1].Location.Pointer);
    }

    [Fact]
    public async Task Parse_BadEntries_WarnsAndKeepsTheRest()
    {
        var result = await ParseFile(Parser, TestData("mixed.packages.lock.json"));

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(
            [("Newtonsoft.Json", "13.0.1", DependencyRelation.Direct), ("Unresolved.Package", null, DependencyRelation.Transitive)],
            inventory.Components.Select(c => (c.Name, c.Version, c.Relation)));
        Assert.Empty(inventory.Components[0].Hashes);
        Assert.Empty(inventory.Components[0].DependsOn);
        Assert.Equal("pkg:nuget/Unresolved.Package", inventory.Components[1].Purl?.ToString());
        Assert.Equal(
            [
                (DiagnosticCodes.UnsupportedFormat, "/dependencies/.NETFramework,Version=v4.8/Broken.Entry"),
                (DiagnosticCodes.UnparsableVersion, "/dependencies/.NETFramework,Version=v4.8/Unresolved.Package"),
            ],
            result.Diagnostics.Select(d => (d.Code, d.Location)));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public async Task Parse_FrameworkWithRuntimeIdentifier_EscapesSlashInPointer()
    {
        var result = await ParseText(Parser, "packages.lock.json", """
            {"version": 1, "dependencies": {"net8.0/win-x64": {"A": {"type": "Direct", "resolved": "1.0.0"}}}}
            """);

        Assert.Equal("/dependencies/net8.0~1win-x64/A", Assert.Single(result.Inventory!.Components).Location.Pointer);
    }

    public static TheoryData<string, string, string?> Invalid => new()
    {
        { "{\"version\": 2, \"dependencies\": {\n  \"net8.0\": {,\n}}", DiagnosticCodes.InvalidJson, "2:14" },
        { "{\"version\": 2}", DiagnosticCodes.UnsupportedFormat, "/dependencies" },
        { "[1, 2]", DiagnosticCodes.UnsupportedFormat, "/dependencies" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(string text, string code, string? location)
    {
        var result = await ParseText(Parser, "/repo/packages.lock.json", text);

        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics);
        Assert.True(error.IsError);
        Assert.Equal(code, error.Code);
        Assert.Equal(location, error.Location);
        Assert.Equal("/repo/packages.lock.json", error.Path);
    }

    [Fact]
    public async Task Parse_SyntaxErrorFile_ReportsLineAndColumn()
    {
        var result = await ParseFile(Parser, TestData("invalid-syntax.packages.lock.json"));

        Assert.Null(result.Inventory);
        Assert.Equal((DiagnosticCodes.InvalidJson, "12:1"), result.Diagnostics.Select(d => (d.Code, d.Location)).Single());
    }

    [Fact]
    public async Task Parse_NoPackages_IsEmptyInventoryWithWarning()
    {
        var result = await ParseText(Parser, "packages.lock.json", """{"version": 2, "dependencies": {"net8.0": {"lib": {"type": "Project"}}}}""");

        Assert.Empty(Assert.IsType<Inventory>(result.Inventory).Components);
        Assert.Equal(DiagnosticCodes.NoComponents, Assert.Single(result.Diagnostics).Code);
    }
}
