using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.NuGet;
using Xunit;
using static Ctem.Plugins.Tests.Parsers.NuGet.NuGetTestFiles;

namespace Ctem.Plugins.Tests.Parsers.NuGet;

public sealed class NuGetPackagesConfigParserTests
{
    private static readonly NuGetPackagesConfigParser Parser = new();

    [Theory]
    [InlineData("/src/Web/packages.config", "", true)]
    [InlineData("/src/Web/packages.Web.config", "<?xml version=\"1.0\"?>\n<packages>", true)]
    [InlineData("/src/Web/packages.Web.config", "<configuration>", false)]
    [InlineData("/src/Web/web.config", "<packages>", false)]
    public void CanParse_NameAndRoot_Decide(string path, string head, bool expected) =>
        Assert.Equal(expected, Parser.CanParse(path, System.Text.Encoding.UTF8.GetBytes(head)));

    [Fact]
    public async Task Parse_ClassicAspNetConfig_ReadsPackagesAndDevelopmentFlag()
    {
        var result = await ParseFile(Parser, TestData("legacy", "packages.config"));

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(
            [
                ("Antlr", "3.5.0.2", DependencyScope.Unspecified),
                ("Microsoft.AspNet.Mvc", "5.2.9", DependencyScope.Unspecified),
                ("Microsoft.AspNet.Razor", "3.2.9", DependencyScope.Unspecified),
                ("Microsoft.CodeDom.Providers.DotNetCompilerPlatform", "2.0.1", DependencyScope.Development),
                ("Newtonsoft.Json", "12.0.2", DependencyScope.Unspecified),
                ("jQuery", "3.4.1", DependencyScope.Unspecified),
                ("NoVersion.Package", null, DependencyScope.Unspecified),
            ],
            inventory.Components.Select(c => (c.Name, c.Version, c.Scope)));
        Assert.All(inventory.Components, c => Assert.Equal(DependencyRelation.Unspecified, c.Relation));
        Assert.Equal("pkg:nuget/Newtonsoft.Json@12.0.2", inventory.Components[4].BomRef);
        Assert.Equal("line 7", inventory.Components[4].Location.Pointer);
        Assert.Equal(
            [(DiagnosticCodes.UnparsableVersion, "line 9"), (DiagnosticCodes.UnsupportedFormat, "line 10")],
            result.Diagnostics.Select(d => (d.Code, d.Location)));
    }

    public static TheoryData<string, string, string?> Invalid => new()
    {
        { "<packages><package id=\"a\" version=\"1\"></packages>", DiagnosticCodes.InvalidJson, "1:41" },
        { "<configuration />", DiagnosticCodes.UnsupportedFormat, "line 1" },
        { "<?xml version=\"1.0\"?>\n<!DOCTYPE packages [<!ENTITY e \"x\">]>\n<packages />", DiagnosticCodes.InvalidJson, null },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(string text, string code, string? location)
    {
        var result = await ParseText(Parser, "/src/packages.config", text);

        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((true, code, location), (error.IsError, error.Code, error.Location));
    }
}
