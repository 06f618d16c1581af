using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.NuGet;
using Xunit;
using static Ctem.Plugins.Tests.Parsers.NuGet.NuGetTestFiles;

namespace Ctem.Plugins.Tests.Parsers.NuGet;

public sealed class NuGetDepsJsonParserTests
{
    private static readonly NuGetDepsJsonParser Parser = new();

    [Theory]
    [InlineData("/app/ctem.deps.json", true)]
    [InlineData("/app/My.App.DEPS.JSON", true)]
    [InlineData("/app/ctem.runtimeconfig.json", false)]
    [InlineData("/app/deps.json.bak", false)]
    public void CanParse_FileName_Decides(string path, bool expected) => Assert.Equal(expected, Parser.CanParse(path, []));

    // Expected list taken from the file with Python's json module, not with the parser.
    [Fact]
    public async Task Parse_SdkWrittenDepsJson_ProductDirectAndTransitive()
    {
        var result = await ParseFile(Parser, TestData("ctem.deps.json"));

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new ProductRef("ctem", "1.0.0"), inventory.Product);
        Assert.Equal(
            [
                ("CsvHelper", "33.1.0"), ("Dapper", "2.1.86"), ("Microsoft.Data.Sqlite", "11.0.0"), ("Microsoft.Data.Sqlite.Core", "11.0.0"),
                ("Microsoft.Extensions.DependencyInjection.Abstractions", "10.0.0"), ("Microsoft.Extensions.Logging.Abstractions", "10.0.0"),
                ("Npgsql", "10.0.3"), ("NuGet.Versioning", "8.0.0"), ("Polly.Core", "8.9.1"), ("Spectre.Console", "0.57.2"),
                ("Spectre.Console.Ansi", "0.57.2"), ("SQLite", "3.53.4"), ("SQLitePCLRaw.bundle_e_sqlite3", "3.0.5"),
                ("SQLitePCLRaw.config.e_sqlite3", "3.0.5"), ("SQLitePCLRaw.core", "3.0.5"), ("SQLitePCLRaw.provider.e_sqlite3", "3.0.5"),
                ("System.CommandLine", "2.0.15"), ("YamlDotNet", "18.1.0"),
            ],
            inventory.Components.Select(c => (c.Name, c.Version!)));
        Assert.Equal(["Spectre.Console", "System.CommandLine"], inventory.Components.Where(c => c.Relation == DependencyRelation.Direct).Select(c => c.Name));
        Assert.All(inventory.Components.Where(c => c.Name is not ("Spectre.Console" or "System.CommandLine")), c => Assert.Equal(DependencyRelation.Transitive, c.Relation));
        Assert.All(inventory.Components, c => Assert.Equal(DependencyScope.Runtime, c.Scope));

        var sqlite = inventory.Components[2];
        Assert.Equal("pkg:nuget/Microsoft.Data.Sqlite@11.0.0", sqlite.BomRef);
        Assert.Equal("/libraries/Microsoft.Data.Sqlite~111.0.0", sqlite.Location.Pointer);
        Assert.Equal(
            ["pkg:nuget/Microsoft.Data.Sqlite.Core@11.0.0", "pkg:nuget/SQLitePCLRaw.bundle_e_sqlite3@3.0.5", "pkg:nuget/SQLitePCLRaw.core@3.0.5"],
            sqlite.DependsOn);
        Assert.Equal(
            new ComponentHash("sha512", "92a7d33991ab9fb35aacd79782387ce897294c75287900cc07cb7d3556bf66d952622575af17d19d0e3d59a26ca1be00886adb2b45c3ce9c8a901c1a8b817c7a"),
            Assert.Single(inventory.Components[0].Hashes));
    }

    [Fact]
    public async Task Parse_SelfContained_RuntimePackIsComponentAndReferenceIsNot()
    {
        var result = await ParseText(Parser, "/app/Tool.deps.json", """
            {
              "runtimeTarget": { "name": ".NETCoreApp,Version=v8.0/linux-x64", "signature": "" },
              "targets": {
                ".NETCoreApp,Version=v8.0": {},
                ".NETCoreApp,Version=v8.0/linux-x64": {
                  "Tool/1.2.0": { "dependencies": { "Helper": "1.2.0", "runtimepack.Microsoft.NETCore.App.Runtime.linux-x64": "8.0.11" } },
                  "runtimepack.Microsoft.NETCore.App.Runtime.linux-x64/8.0.11": {},
                  "Helper/1.2.0": { "dependencies": { "Razor.Ref": "6.0.0", "Newtonsoft.Json": "13.0.3" } },
                  "Newtonsoft.Json/13.0.3": {},
                  "Razor.Ref/6.0.0": { "compileOnly": true }
                }
              },
              "libraries": {
                "Tool/1.2.0": { "type": "project", "serviceable": false, "sha512": "" },
                "runtimepack.Microsoft.NETCore.App.Runtime.linux-x64/8.0.11": { "type": "runtimepack", "serviceable": false, "sha512": "" },
                "Helper/1.2.0": { "type": "project" },
                "Newtonsoft.Json/13.0.3": { "type": "package", "serviceable": true, "sha512": "sha512-not-a-digest" },
                "Razor.Ref/6.0.0": { "type": "package" },
                "mscorlib/4.0.0.0": { "type": "reference" }
              }
            }
            """);

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new ProductRef("Tool", "1.2.0"), inventory.Product);
        Assert.Equal(
            [
                ("Microsoft.NETCore.App.Runtime.linux-x64", DependencyScope.Runtime, DependencyRelation.Direct),
                ("Newtonsoft.Json", DependencyScope.Runtime, DependencyRelation.Transitive),
                ("Razor.Ref", DependencyScope.Development, DependencyRelation.Transitive),
            ],
            inventory.Components.Select(c => (c.Name, c.Scope, c.Relation)));
        Assert.Empty(inventory.Components[1].Hashes);
        Assert.Equal("pkg:nuget/Microsoft.NETCore.App.Runtime.linux-x64@8.0.11", inventory.Components[0].BomRef);
    }

    public static TheoryData<string, string, string?> Invalid => new()
    {
        { "{\"targets\": {}}", DiagnosticCodes.UnsupportedFormat, "/libraries" },
        { "{\"targets\": {}, \"libraries\": [}", DiagnosticCodes.InvalidJson, "1:31" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(string text, string code, string? location)
    {
        var result = await ParseText(Parser, "/app/x.deps.json", text);

        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics);
        Assert.True(error.IsError);
        Assert.Equal((code, location), (error.Code, error.Location));
    }
}
