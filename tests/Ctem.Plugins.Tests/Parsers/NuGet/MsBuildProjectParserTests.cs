using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.NuGet;
using Xunit;
using static Ctem.Plugins.Tests.Parsers.NuGet.NuGetTestFiles;

namespace Ctem.Plugins.Tests.Parsers.NuGet;

public sealed class MsBuildProjectParserTests
{
    private static readonly MsBuildProjectParser Parser = new();

    [Theory]
    [InlineData("/src/App/App.csproj", true)]
    [InlineData("/src/App/App.FSPROJ", true)]
    [InlineData("/src/App/App.vbproj", true)]
    [InlineData("/src/Directory.Packages.props", false)]
    [InlineData("/src/App/App.csproj.user", false)]
    public void CanParse_Extension_Decides(string path, bool expected) => Assert.Equal(expected, Parser.CanParse(path, []));

    [Fact]
    public async Task Parse_CentralPackageManagement_TakesVersionsAndGlobalReferences()
    {
        var props = TestData("cpm-solution", "Directory.Packages.props");
        var result = await ParseFile(Parser, TestData("cpm-solution", "src", "Inventory.Api", "Inventory.Api.csproj"), FromDisk);

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new ProductRef("Inventory.Api", null), inventory.Product);
        Assert.Equal(
            [
                ("Microsoft.Data.Sqlite", "11.0.0", DependencyScope.Unspecified, "line 8"),
                ("Spectre.Console", "0.57.2", DependencyScope.Unspecified, "line 9"),
                ("Polly.Core", "8.9.1", DependencyScope.Unspecified, "line 12"),
                ("Microsoft.CodeAnalysis.BannedApiAnalyzers", "5.6.0", DependencyScope.Development, "line 15"),
            ],
            inventory.Components.Select(c => (c.Name, c.Version!, c.Scope, c.Location.Pointer!)));
        Assert.All(inventory.Components, c => Assert.Equal(DependencyRelation.Direct, c.Relation));
        Assert.Equal(props, inventory.Components[^1].Location.Path);
        Assert.Equal("pkg:nuget/Polly.Core@8.9.1", inventory.Components[2].Purl?.ToString());
    }

    [Fact]
    public async Task Parse_CentralVersionsWithoutRelated_KeepsUnpinnedWithWarnings()
    {
        var result = await ParseFile(Parser, TestData("cpm-solution", "src", "Inventory.Api", "Inventory.Api.csproj"));

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(["Microsoft.Data.Sqlite", "Spectre.Console", "Polly.Core"], inventory.Components.Select(c => c.Name));
        Assert.All(inventory.Components, c => Assert.Null(c.Version));
        Assert.Equal("pkg:nuget/Spectre.Console", inventory.Components[1].Purl?.ToString());
        Assert.Equal(["line 8", "line 9", "line 12"], result.Diagnostics.Select(d => d.Location));
        Assert.All(result.Diagnostics, d => Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.UnparsableVersion), (d.Severity, d.Code)));
    }

    [Fact]
    public async Task Parse_VersionForms_ResolvesPropertiesAndWarnsOnRanges()
    {
        var result = await ParseFile(Parser, TestData("legacy", "Legacy.Web.csproj"));

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(new ProductRef("Legacy.Web", "2.4.0"), inventory.Product);
        Assert.Equal(
            [
                ("Serilog", "4.2.0", DependencyScope.Unspecified),
                ("Serilog.Sinks.Console", "6.0.0", DependencyScope.Unspecified),
                ("Dapper", "2.1.35", DependencyScope.Unspecified),
                ("AutoMapper", null, DependencyScope.Unspecified),
                ("Polly", null, DependencyScope.Unspecified),
                ("Humanizer", null, DependencyScope.Unspecified),
                ("StyleCop.Analyzers", "1.2.0-beta.556", DependencyScope.Development),
                ("coverlet.collector", "6.0.2", DependencyScope.Development),
                ("System.Text.Json", "8.0.5", DependencyScope.Unspecified),
                ("System.Text.Json", "10.0.0", DependencyScope.Unspecified),
            ],
            inventory.Components.Select(c => (c.Name, c.Version, c.Scope)));
        Assert.Equal(
            [("line 15", "version range"), ("line 16", "floating version"), ("line 17", "$(HumanizerVersion)")],
            result.Diagnostics.Select(d => (d.Location!, d.Message.Contains("range", StringComparison.Ordinal) ? "version range" : d.Message.Contains("floating", StringComparison.Ordinal) ? "floating version" : d.Message.Contains("$(HumanizerVersion)", StringComparison.Ordinal) ? "$(HumanizerVersion)" : d.Message)));
    }

    private static readonly Dictionary<string, string> NestedRepository = new(StringComparer.Ordinal)
    {
        ["/repo/Directory.Packages.props"] = """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
                <AzureVersion>12.22.1</AzureVersion>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Azure.Storage.Blobs" Version="$(AzureVersion)" />
                <PackageVersion Include="MediatR" Version="12.2.0" />
                <PackageVersion Include="FluentValidation" Version="11.9.0" />
              </ItemGroup>
            </Project>
            """,
        ["/repo/src/Directory.Packages.props"] = """
            <Project>
              <Import Project="$([MSBuild]::GetPathOfFileAbove(Directory.Packages.props, $(MSBuildThisFileDirectory)..))" />
              <ItemGroup>
                <PackageVersion Update="MediatR" Version="12.4.1" />
              </ItemGroup>
            </Project>
            """,
    };

    [Fact]
    public async Task Parse_NestedPropsImportingParent_MergesNearestLast()
    {
        var requested = new List<string>();
        byte[]? Related(string path)
        {
            requested.Add(path);
            return NestedRepository.TryGetValue(path, out var text) ? Encoding.UTF8.GetBytes(text) : null;
        }

        var result = await ParseText(Parser, "/repo/src/Orders/Orders.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Azure.Storage.Blobs" />
                <PackageReference Include="MediatR" />
                <PackageReference Include="FluentValidation" VersionOverride="11.10.0" />
                <PackageReference Include="Unmanaged.Package" />
              </ItemGroup>
            </Project>
            """, Related);

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(
            [("Azure.Storage.Blobs", "12.22.1"), ("MediatR", "12.4.1"), ("FluentValidation", "11.10.0"), ("Unmanaged.Package", null)],
            inventory.Components.Select(c => (c.Name, c.Version)));
        Assert.Equal(("line 6", DiagnosticCodes.UnparsableVersion), result.Diagnostics.Select(d => (d.Location, d.Code)).Single());
        Assert.Equal(["/repo/src/Orders/Directory.Packages.props", "/repo/src/Directory.Packages.props", "/repo/Directory.Packages.props"], requested);
    }

    [Fact]
    public async Task Parse_NoPropsAnywhere_StopsAtFilesystemRoot()
    {
        var requested = new List<string>();
        var result = await ParseText(Parser, "/a/b/App.csproj", """<Project><ItemGroup><PackageReference Include="X" /></ItemGroup></Project>""", path =>
        {
            requested.Add(path);
            return null;
        });

        Assert.Equal(["/a/b/Directory.Packages.props", "/a/Directory.Packages.props", "/Directory.Packages.props"], requested);
        Assert.Null(Assert.Single(result.Inventory!.Components).Version);
    }

    [Fact]
    public async Task Parse_CentralManagementSwitchedOff_IgnoresProps()
    {
        var result = await ParseText(Parser, "/repo/src/Orders/Orders.csproj", """
            <Project>
              <PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
              <ItemGroup><PackageReference Include="MediatR" /></ItemGroup>
            </Project>
            """, path => NestedRepository.TryGetValue(path, out var text) ? Encoding.UTF8.GetBytes(text) : null);

        Assert.Null(Assert.Single(result.Inventory!.Components).Version);
    }

    private const string WithEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE Project [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <Project><ItemGroup><PackageReference Include="A" Version="&xxe;" /></ItemGroup></Project>
        """;

    [Fact]
    public async Task Parse_ProjectWithDtd_IsRefused()
    {
        var result = await ParseText(Parser, "/repo/App.csproj", WithEntity);

        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, DiagnosticCodes.InvalidJson), (error.Severity, error.Code));
        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Location);
    }

    [Fact]
    public async Task Parse_PropsWithDtd_IsRefusedAndNotUsed()
    {
        var result = await ParseText(Parser, "/repo/App.csproj", """<Project><ItemGroup><PackageReference Include="A" /></ItemGroup></Project>""",
            path => path == "/repo/Directory.Packages.props" ? Encoding.UTF8.GetBytes(WithEntity.Replace("Project", "Project", StringComparison.Ordinal)) : null);

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Null(Assert.Single(inventory.Components).Version);
        Assert.Contains(result.Diagnostics, d => d.Path == "/repo/Directory.Packages.props" && d.Message.Contains("DTD", StringComparison.Ordinal) && !d.IsError);
    }

    public static TheoryData<string, string, string?> Invalid => new()
    {
        { "<Project><ItemGroup></Project>", DiagnosticCodes.InvalidJson, "1:23" },
        { "<packages />", DiagnosticCodes.UnsupportedFormat, "line 1" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(string text, string code, string? location)
    {
        var result = await ParseText(Parser, "/repo/App.csproj", text);

        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((true, code, location), (error.IsError, error.Code, error.Location));
    }
}
