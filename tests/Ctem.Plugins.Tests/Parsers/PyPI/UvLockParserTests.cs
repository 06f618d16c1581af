using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.PyPI;
using Xunit;
using static Ctem.Plugins.Tests.Parsers.PyPI.PypiTestFiles;

namespace Ctem.Plugins.Tests.Parsers.PyPI;

public sealed class UvLockParserTests
{
    private static readonly UvLockParser Parser = new();

    [Theory]
    [InlineData("/p/uv.lock", true)]
    [InlineData("/p/poetry.lock", false)]
    public void CanParse_FileName_Decides(string path, bool expected) => Assert.Equal(expected, Parser.CanParse(path, []));

    [Fact]
    public async Task Parse_Project_ScopesFollowTheGraphFromTheEditableRoot()
    {
        var result = await Parse(Parser, "uv.lock");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(new ProductRef("weather-cli", "0.1.0"), inventory.Product);
        Assert.Equal(
            [
                "anyio 4.6.2.post1 pkg:pypi/anyio@4.6.2.post1 Runtime Transitive",
                "httpx 0.27.2 pkg:pypi/httpx@0.27.2 Runtime Direct",
                "idna 3.10 pkg:pypi/idna@3.10 Runtime Transitive",
                "sniffio 1.3.1 pkg:pypi/sniffio@1.3.1 Runtime Transitive",
                "rich 13.9.4 pkg:pypi/rich@13.9.4 Optional Direct",
                "pygments 2.18.0 pkg:pypi/pygments@2.18.0 Optional Transitive",
                "pytest 8.3.3 pkg:pypi/pytest@8.3.3 Development Direct",
                "pluggy 1.5.0 pkg:pypi/pluggy@1.5.0 Development Transitive",
                "tomli-w 1.1.0 pkg:pypi/tomli-w@1.1.0 Runtime Direct",
            ],
            Describe(inventory));
        Assert.Equal(["pkg:pypi/anyio@4.6.2.post1", "pkg:pypi/idna@3.10"], inventory.Components[1].DependsOn);
        Assert.Equal(2, inventory.Components[0].Hashes.Count);
        Assert.Equal("git+https://github.com/hukkin/tomli-w?rev=1.1.0#a8f80172ba16fe694e37f6e07e6352ecee384c58", inventory.Components[8].Purl!.Qualifiers["vcs_url"]);
        Assert.Equal("line 5", inventory.Components[0].Location.Pointer);
        var skipped = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Info, "line 68"), (skipped.Severity, skipped.Location));
    }

    [Fact]
    public async Task Parse_SameNameTwice_EdgesUseVersionToPick()
    {
        const string Lock = """
            version = 1

            [[package]]
            name = "app"
            version = "1.0.0"
            source = { virtual = "." }
            dependencies = [
                { name = "numpy", version = "1.26.4", source = { registry = "https://pypi.org/simple" }, marker = "python_full_version < '3.13'" },
                { name = "numpy", version = "2.1.3", source = { registry = "https://pypi.org/simple" }, marker = "python_full_version >= '3.13'" },
            ]

            [[package]]
            name = "numpy"
            version = "1.26.4"
            source = { registry = "https://pypi.org/simple" }

            [[package]]
            name = "numpy"
            version = "2.1.3"
            source = { registry = "https://pypi.org/simple" }
            """;
        var result = await ParseText(Parser, "/p/uv.lock", Lock);

        Assert.Equal(
            ["numpy 1.26.4 pkg:pypi/numpy@1.26.4 Runtime Direct", "numpy 2.1.3 pkg:pypi/numpy@2.1.3 Runtime Direct"],
            Describe(result.Inventory!));
    }

    [Fact]
    public async Task Parse_ExtrasThatNameEachOther_Terminate()
    {
        const string Lock = """
            [[package]]
            name = "app"
            version = "1.0.0"
            source = { editable = "." }
            dependencies = [{ name = "a", extra = ["x"] }]

            [[package]]
            name = "a"
            version = "1.0.0"
            source = { registry = "https://pypi.org/simple" }

            [package.optional-dependencies]
            x = [{ name = "b", extra = ["y"] }]

            [[package]]
            name = "b"
            version = "2.0.0"
            source = { registry = "https://pypi.org/simple" }

            [package.optional-dependencies]
            y = [{ name = "a", extra = ["x"] }]
            """;
        var result = await ParseText(Parser, "/p/uv.lock", Lock);

        Assert.Equal(
            ["a 1.0.0 pkg:pypi/a@1.0.0 Runtime Direct", "b 2.0.0 pkg:pypi/b@2.0.0 Runtime Transitive"],
            Describe(result.Inventory!));
    }

    // Tomlyn places an unclosed string at the newline that breaks it (3:10), not at its opening quote.
    public static TheoryData<string, string, string?> Invalid => new()
    {
        { "version = 1\n[[package]]\nname = \"a\nversion = \"1\"\n", DiagnosticCodes.InvalidJson, "3:10" },
        { "[[package]]\nname = \"a\"\nname = \"b\"\n", DiagnosticCodes.InvalidJson, "3:1" },
        { "version = 1\n", DiagnosticCodes.UnsupportedFormat, null },
        { "[[package]]\nname = \"app\"\nversion = \"1\"\nsource = { editable = \".\" }\n", DiagnosticCodes.NoComponents, null },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(string text, string code, string? location)
    {
        var result = await ParseText(Parser, "/p/uv.lock", text);

        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((code, location), (error.Code, error.Location));
    }
}
