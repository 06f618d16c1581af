using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.PyPI;
using Xunit;
using static Ctem.Plugins.Tests.Parsers.PyPI.PypiTestFiles;

namespace Ctem.Plugins.Tests.Parsers.PyPI;

public sealed class PoetryLockParserTests
{
    private static readonly PoetryLockParser Parser = new();

    [Theory]
    [InlineData("/p/poetry.lock", true)]
    [InlineData("/p/Pipfile.lock", false)]
    [InlineData("/p/poetry.lock.bak", false)]
    public void CanParse_FileName_Decides(string path, bool expected) => Assert.Equal(expected, Parser.CanParse(path, []));

    [Fact]
    public async Task Parse_LockVersion1_ScopesFromCategoryAndHashesFromMetadataFiles()
    {
        var result = await Parse(Parser, "poetry-v1.lock", related: false);

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(
            [
                "certifi 2021.10.8 pkg:pypi/certifi@2021.10.8 Runtime Unspecified",
                "pytest 6.2.5 pkg:pypi/pytest@6.2.5 Development Unspecified",
                "pluggy 1.0.0 pkg:pypi/pluggy@1.0.0 Development Unspecified",
                "PyYAML 6.0 pkg:pypi/pyyaml@6.0 Optional Unspecified",
            ],
            Describe(inventory));
        Assert.Null(inventory.Product);
        Assert.Equal(2, inventory.Components[0].Hashes.Count);
        Assert.Equal(["pkg:pypi/pluggy@1.0.0"], inventory.Components[1].DependsOn);
        Assert.Equal("line 10", inventory.Components[1].Location.Pointer);
        var skipped = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Info, skipped.Severity);
        Assert.Contains("mylib", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_LockVersion2WithPyproject_ScopesFromGroupsAndRelationsFromManifest()
    {
        var result = await Parse(Parser, "poetry-v2.lock");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new ProductRef("orders-api", "1.4.0"), inventory.Product);
        Assert.Equal(
            [
                "anyio 4.3.0 pkg:pypi/anyio@4.3.0 Runtime Direct",
                "idna 3.6 pkg:pypi/idna@3.6 Runtime Transitive",
                "sniffio 1.3.1 pkg:pypi/sniffio@1.3.1 Runtime Transitive",
                "mypy 1.9.0 pkg:pypi/mypy@1.9.0 Development Direct",
                "pytest-cov 5.0.0 pkg:pypi/pytest-cov@5.0.0 Test Direct",
                "uvloop 0.19.0 pkg:pypi/uvloop@0.19.0 Optional Direct",
                "fastapi-utils 0.2.1 pkg:pypi/fastapi-utils@0.2.1 Runtime Direct",
            ],
            Describe(inventory));
        Assert.Equal(["pkg:pypi/idna@3.6", "pkg:pypi/sniffio@1.3.1"], inventory.Components[0].DependsOn);
        Assert.Equal("git+https://github.com/dmontagu/fastapi-utils.git@af95ff4a8195caaa9edaa3dbd5b6eeb09691d9c7", inventory.Components[6].Purl!.Qualifiers["vcs_url"]);
    }

    // Poetry's own test fixture for lock-version 1.0 (keys in a different order, a 'marker' key, [metadata.files]).
    [Fact]
    public async Task Parse_RealPoetry10Lock_ReadsEveryPackageWithHashes()
    {
        var result = await Parse(Parser, "poetry-old-lock.lock", related: false);

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            ["certifi", "chardet", "docker", "idna", "pywin32", "requests", "six", "urllib3", "websocket-client"],
            inventory.Components.Select(c => c.Name));
        Assert.All(inventory.Components, c => Assert.Equal(DependencyScope.Runtime, c.Scope));
        Assert.Equal(12, inventory.Components.Single(c => c.Name == "pywin32").Hashes.Count);
        Assert.Equal(
            ["pkg:pypi/pywin32@227", "pkg:pypi/requests@2.24.0", "pkg:pypi/six@1.15.0", "pkg:pypi/websocket-client@0.57.0"],
            inventory.Components.Single(c => c.Name == "docker").DependsOn);
    }

    [Fact]
    public async Task Parse_LockVersion20WithoutCategoryOrGroups_LeavesScopeUnspecified()
    {
        const string Lock = "[[package]]\nname = \"click\"\nversion = \"8.1.7\"\noptional = false\nfiles = []\n\n[metadata]\nlock-version = \"2.0\"\n";
        var result = await ParseText(Parser, "/p/poetry.lock", Lock);

        Assert.Equal(["click 8.1.7 pkg:pypi/click@8.1.7 Unspecified Unspecified"], Describe(result.Inventory!));
    }

    // Tomlyn reads "4.3" as a float and stops at the second '.', so the place is column 14.
    public static TheoryData<string, string, string?> Invalid => new()
    {
        { "[[package]]\nname = \"anyio\"\nversion = 4.3.0\n", DiagnosticCodes.InvalidJson, "3:14" },
        { "[[package]\n", DiagnosticCodes.InvalidJson, "1:10" },
        { "[tool.other]\nx = 1\n", DiagnosticCodes.UnsupportedFormat, null },
        { "[[package]]\nname = \"a\"\n", DiagnosticCodes.NoComponents, null },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(string text, string code, string? location)
    {
        var result = await ParseText(Parser, "/p/poetry.lock", text);

        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((code, location, "/p/poetry.lock"), (error.Code, error.Location, error.Path));
    }

    [Fact]
    public async Task Parse_SyntaxErrorFixture_NamesLineAndColumn()
    {
        var result = await Parse(Parser, "invalid-syntax.lock");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidJson, "3:14"), (error.Code, error.Location));
        Assert.Contains("Unexpected token found `.`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_PyprojectNotUtf8_WarnsAndLeavesRelationsUnspecified()
    {
        const string Lock = "[[package]]\nname = \"click\"\nversion = \"8.1.7\"\ncategory = \"main\"\n";
        var result = await ParseText(Parser, "/p/poetry.lock", Lock, _ => new byte[] { 0x5B, 0xFF, 0x5D });

        Assert.Equal(["click 8.1.7 pkg:pypi/click@8.1.7 Runtime Unspecified"], Describe(result.Inventory!));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.InvalidJson, "1:2"), (warning.Severity, warning.Code, warning.Location));
        Assert.Contains("UTF-8", warning.Message, StringComparison.Ordinal);
    }
}
