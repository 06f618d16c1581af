using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Go;
using Xunit;

namespace Ctem.Plugins.Tests.Parsers.Go;

public sealed class GoModParserTests
{
    private static readonly GoModParser Parser = new();

    private static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "Parsers", "Go", "testdata", name);

    private static async Task<InventoryResult> Parse(string path, string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await Parser.ParseAsync(new InputSource(path, stream), CancellationToken.None);
    }

    private static string[] Describe(Inventory inventory) =>
        inventory.Components.Select(c => $"{c.Name} {c.Version ?? "-"} {c.Purl} {c.Relation} {c.Location.Pointer}").ToArray();

    [Theory]
    [InlineData("/p/go.mod", true)]
    [InlineData("/p/go.sum", false)]
    [InlineData("/p/go.work", false)]
    public void CanParse_FileName_Decides(string path, bool expected) => Assert.Equal(expected, Parser.CanParse(path, []));

    // Found in review: one-element module paths (go.pinniped.dev) were dropped, so GO-2022-0981 could never match.
    [Fact]
    public async Task Parse_OneElementModulePath_IsKeptAndMatchable()
    {
        var result = await Parse("go.mod", "module example.com/app\n\ngo 1.21\n\nrequire go.pinniped.dev v0.10.0\n");
        var pinniped = Assert.Single(result.Inventory!.Components, c => c.Name == "go.pinniped.dev");
        Assert.Equal(new PackageKey("Go", "go.pinniped.dev"), pinniped.PackageKey);
        Assert.Equal("v0.10.0", pinniped.MatchVersion);
    }

    [Fact]
    public async Task Parse_ModernModule_ReadsRequiresReplacesAndStdlib()
    {
        var result = await Parse(TestData("go.mod"), await File.ReadAllTextAsync(TestData("go.mod")));

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(new ProductRef("github.com/example/widget-operator", null), inventory.Product);
        Assert.Equal(
            [
                "stdlib 1.22.5 pkg:golang/stdlib@1.22.5 Direct line 6",
                "github.com/go-logr/logr v1.4.1 pkg:golang/github.com/go-logr/logr@v1.4.1 Direct line 9",
                "github.com/onsi/ginkgo/v2 v2.19.0 pkg:golang/github.com/onsi/ginkgo/v2@v2.19.0 Direct line 10",
                "k8s.io/apimachinery v0.30.2 pkg:golang/k8s.io/apimachinery@v0.30.2 Direct line 11",
                "sigs.k8s.io/controller-runtime v0.18.4 pkg:golang/sigs.k8s.io/controller-runtime@v0.18.4 Direct line 12",
                "github.com/quoted/module v0.1.0 pkg:golang/github.com/quoted/module@v0.1.0 Direct line 13",
                "github.com/spf13/cobra v1.8.1 pkg:golang/github.com/spf13/cobra@v1.8.1 Direct line 16",
                "github.com/beorn7/perks v1.0.1 pkg:golang/github.com/beorn7/perks@v1.0.1 Transitive line 19",
                "golang.org/x/net v0.33.0 pkg:golang/golang.org/x/net@v0.33.0 Transitive line 20",
                "gopkg.in/yaml.v3 v3.0.1 pkg:golang/gopkg.in/yaml.v3@v3.0.1 Transitive line 21",
            ],
            Describe(inventory));
        Assert.All(inventory.Components, c => Assert.Equal("Go", c.Ecosystem));
        Assert.Equal(new PackageKey("Go", "stdlib"), inventory.Components[0].PackageKey);
        var local = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "line 28"), (local.Severity, local.Location));
        Assert.Contains("../shared", local.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_LegacyModuleWithoutToolchain_StdlibFromGoDirective()
    {
        var result = await Parse(TestData("go-legacy.mod"), await File.ReadAllTextAsync(TestData("go-legacy.mod")));

        Assert.Equal(
            [
                "stdlib 1.16.0 pkg:golang/stdlib@1.16.0 Direct line 3",
                "github.com/pkg/errors v0.9.1 pkg:golang/github.com/pkg/errors@v0.9.1 Direct line 6",
                "github.com/sirupsen/logrus v1.8.1 pkg:golang/github.com/sirupsen/logrus@v1.8.1 Direct line 7",
                "golang.org/x/sys v0.0.0-20210630005230-0f9fa26af87c pkg:golang/golang.org/x/sys@v0.0.0-20210630005230-0f9fa26af87c Transitive line 8",
            ],
            Describe(result.Inventory!));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task Parse_RealCobraModule_ReadsAllRequires()
    {
        var result = await Parse(TestData("cobra-go.mod"), await File.ReadAllTextAsync(TestData("cobra-go.mod")));

        Assert.Equal(new ProductRef("github.com/spf13/cobra", null), result.Inventory!.Product);
        Assert.Equal(
            [
                "stdlib 1.15.0 pkg:golang/stdlib@1.15.0 Direct line 3",
                "github.com/cpuguy83/go-md2man/v2 v2.0.2 pkg:golang/github.com/cpuguy83/go-md2man/v2@v2.0.2 Direct line 6",
                "github.com/inconshreveable/mousetrap v1.1.0 pkg:golang/github.com/inconshreveable/mousetrap@v1.1.0 Direct line 7",
                "github.com/spf13/pflag v1.0.5 pkg:golang/github.com/spf13/pflag@v1.0.5 Direct line 8",
                "gopkg.in/yaml.v3 v3.0.1 pkg:golang/gopkg.in/yaml.v3@v3.0.1 Direct line 9",
            ],
            Describe(result.Inventory));
    }

    /// <summary>
    /// Cases: directives → the standard library's version, and where it is inferred from. The <c>toolchain</c> directive
    /// names the Go release the module is built with; <c>go</c> only the least it builds with (go.dev/ref/mod).
    /// </summary>
    [Theory]
    [InlineData("go 1.21rc2", "1.21.0-rc.2", "'go 1.21rc2' in go.mod (line 2)")]
    [InlineData("go 1.21.13", "1.21.13", "'go 1.21.13' in go.mod (line 2)")]
    [InlineData("go 1.22\ntoolchain go1.23.4+auto", "1.23.4", null)]
    [InlineData("go 1.22\ntoolchain go1.22.5", "1.22.5", null)]
    [InlineData("toolchain go1.22.5", "1.22.5", null)]
    [InlineData("go 1.22\ntoolchain default", "1.22.0", "'go 1.22' in go.mod (line 2)")]
    public async Task Parse_GoVersions_BecomeSemVer(string directives, string expected, string? inferredFrom)
    {
        var result = await Parse("/p/go.mod", $"module example.com/m\n{directives}\n");

        var stdlib = Assert.Single(result.Inventory!.Components);
        Assert.Equal(expected, stdlib.Version);
        Assert.Equal(inferredFrom, stdlib.VersionInferredFrom?.Split(':')[0]);
    }

    /// <summary>Real modules: cobra names only its minimum Go version, go-log-cache also the toolchain it is built with.</summary>
    [Theory]
    [InlineData("cobra-go.mod", "1.15.0", "line 3", true)]
    [InlineData("go-log-cache-go.mod", "1.22.8", "line 5", false)]
    [InlineData("go.mod", "1.22.5", "line 6", false)]
    [InlineData("go-legacy.mod", "1.16.0", "line 3", true)]
    public async Task Parse_RealModule_StdlibFromToolchainElseInferredFromGo(string file, string version, string line, bool inferred)
    {
        var result = await Parse(TestData(file), await File.ReadAllTextAsync(TestData(file)));

        var stdlib = Assert.Single(result.Inventory!.Components, c => c.Name == "stdlib");
        Assert.Equal((version, line, inferred), (stdlib.Version, stdlib.Location.Pointer, stdlib.VersionInferredFrom is not null));
        Assert.All(result.Inventory.Components.Where(c => c.Name != "stdlib"), c => Assert.Null(c.VersionInferredFrom));
        if (inferred)
        {
            Assert.Contains("the minimum Go version, not the toolchain the product is built with", stdlib.VersionInferredFrom, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Parse_ReplacementOfOneVersion_LeavesOtherVersionsAlone()
    {
        var result = await Parse("/p/go.mod", "module m.io/m\nrequire a.io/x v1.0.0\nreplace a.io/x v0.9.0 => b.io/x v2.0.0\n");

        Assert.Equal("a.io/x v1.0.0", string.Join(' ', result.Inventory!.Components.Select(c => $"{c.Name} {c.Version}")));
    }

    public static TheoryData<string, DiagnosticSeverity, string, string?> Malformed => new()
    {
        { "go 1.21\nrequire a.io/x v1.0.0\n", DiagnosticSeverity.Error, DiagnosticCodes.UnsupportedFormat, null },
        { "module m.io/m\nrequire (\n\ta.io/x v1.0.0\n", DiagnosticSeverity.Warning, DiagnosticCodes.UnsupportedFormat, "line 2" },
        { "module m.io/m\nrequire a.io/x\nrequire b.io/y v1.0.0\n", DiagnosticSeverity.Warning, DiagnosticCodes.UnsupportedFormat, "line 2" },
        { "module m.io/m\nrequire \"a.io/x v1.0.0\nrequire b.io/y v1.0.0\n", DiagnosticSeverity.Warning, DiagnosticCodes.UnsupportedFormat, "line 2" },
        { "module m.io/m\ngo one\nrequire b.io/y v1.0.0\n", DiagnosticSeverity.Warning, DiagnosticCodes.UnparsableVersion, "line 2" },
        { "module m.io/m\nreplace a.io/x\nrequire b.io/y v1.0.0\n", DiagnosticSeverity.Warning, DiagnosticCodes.UnsupportedFormat, "line 2" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Parse_Malformed_ReportsTheLine(string text, DiagnosticSeverity severity, string code, string? location)
    {
        var result = await Parse("/p/go.mod", text);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Severity == severity);
        Assert.Equal((code, location), (diagnostic.Code, diagnostic.Location));
        if (severity == DiagnosticSeverity.Warning)
        {
            Assert.NotEmpty(result.Inventory!.Components);
        }
    }

    [Fact]
    public async Task Parse_ModuleOnly_FailsWithNoComponents()
    {
        var result = await Parse("/p/go.mod", "module m.io/m\n");

        Assert.Null(result.Inventory);
        Assert.Equal(DiagnosticCodes.NoComponents, Assert.Single(result.Diagnostics).Code);
    }
}
