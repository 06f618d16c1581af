using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Cargo;
using Xunit;

namespace Ctem.Plugins.Tests.Parsers.Cargo;

public sealed class CargoLockParserTests
{
    private static readonly CargoLockParser Parser = new();

    private static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "Parsers", "Cargo", "testdata", name);

    private static async Task<InventoryResult> ParseFile(string name)
    {
        await using var stream = File.OpenRead(TestData(name));
        return await Parser.ParseAsync(new InputSource(TestData(name), stream), CancellationToken.None);
    }

    private static async Task<InventoryResult> ParseText(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await Parser.ParseAsync(new InputSource("/p/Cargo.lock", stream), CancellationToken.None);
    }

    private static string[] Describe(Inventory inventory) =>
        inventory.Components.Select(c => $"{c.Name} {c.Version} {c.Purl?.ToCoordinates()} {c.Scope} {c.Relation}").ToArray();

    [Theory]
    [InlineData("/p/Cargo.lock", true)]
    [InlineData("/p/Cargo.toml", false)]
    [InlineData("/p/cargo.lock", false)]
    public void CanParse_FileName_Decides(string path, bool expected) => Assert.Equal(expected, Parser.CanParse(path, []));

    [Fact]
    public async Task Parse_Version1_ChecksumsFromMetadataAndFullDependencyStrings()
    {
        var result = await ParseFile("Cargo-v1.lock");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new ProductRef("tiny-tool", "0.2.0"), inventory.Product);
        Assert.Equal(
            [
                "cfg-if 0.1.10 pkg:cargo/cfg-if@0.1.10 Unspecified Transitive",
                "log 0.4.8 pkg:cargo/log@0.4.8 Unspecified Direct",
                "smallvec 1.2.0 pkg:cargo/smallvec@1.2.0 Unspecified Direct",
            ],
            Describe(inventory));
        Assert.Equal(["pkg:cargo/cfg-if@0.1.10"], inventory.Components[1].DependsOn);
        Assert.Equal(new ComponentHash("SHA-256", "4785bdd1c96b2a846b2bd7cc02e86b6b3dbf14e7e53446c4f54c92a361040822"), Assert.Single(inventory.Components[0].Hashes));
        Assert.All(inventory.Components, c => Assert.Equal("crates.io", c.Ecosystem));
    }

    [Fact]
    public async Task Parse_Version3Workspace_TwoVersionsOfOneCrateAndShortDependencyStrings()
    {
        var result = await ParseFile("Cargo-v3.lock");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new ProductRef("mini-cli", "0.1.0"), inventory.Product);
        Assert.Equal(
            [
                "bitflags 1.3.2 pkg:cargo/bitflags@1.3.2 Unspecified Transitive",
                "bitflags 2.5.0 pkg:cargo/bitflags@2.5.0 Unspecified Direct",
                "nix 0.26.4 pkg:cargo/nix@0.26.4 Unspecified Direct",
                "serde 1.0.197 pkg:cargo/serde@1.0.197 Unspecified Direct",
            ],
            Describe(inventory));
        Assert.Equal(["pkg:cargo/bitflags@1.3.2"], inventory.Components[2].DependsOn);
        Assert.Equal("line 33", inventory.Components[2].Location.Pointer);
    }

    [Fact]
    public async Task Parse_Version4_GitAndAlternativeRegistrySourcesBecomeQualifiers()
    {
        var result = await ParseFile("Cargo-v4.lock");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(
            [
                "hyper 1.4.1 pkg:cargo/hyper@1.4.1 Unspecified Direct",
                "tokio-extras 0.1.0 pkg:cargo/tokio-extras@0.1.0 Unspecified Direct",
                "internal-crate 2.0.0 pkg:cargo/internal-crate@2.0.0 Unspecified Direct",
            ],
            Describe(inventory));
        Assert.Empty(inventory.Components[0].Purl!.Qualifiers);
        Assert.Equal("git+https://github.com/example/tokio-extras?branch=main#3a1b7f5c2d9e8f6a4b0c1d2e3f4a5b6c7d8e9f0a", inventory.Components[1].Purl!.Qualifiers["vcs_url"]);
        Assert.Empty(inventory.Components[1].Hashes);
        Assert.Equal("https://gitlab.example.com/crates-index", inventory.Components[2].Purl!.Qualifiers["repository_url"]);
    }

    // Expected values were taken independently with Python's tomllib: 69 packages, 10 without a source (the
    // workspace), and 30 crates.io crates that workspace members name in their dependencies.
    [Fact]
    public async Task Parse_RealRipgrepWorkspace_ProductMembersAndDirectCrates()
    {
        var result = await ParseFile("ripgrep-Cargo.lock");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new ProductRef("ripgrep", "13.0.0"), inventory.Product);
        Assert.Equal(59, inventory.Components.Count);
        Assert.DoesNotContain(inventory.Components, c => c.Name.StartsWith("grep", StringComparison.Ordinal) || c.Name is "globset" or "ignore");
        string[] direct =
        [
            "aho-corasick", "atty", "base64", "bstr", "bytecount", "clap", "clap_complete", "crossbeam-channel", "crossbeam-utils",
            "encoding_rs", "encoding_rs_io", "fnv", "glob", "jemallocator", "lazy_static", "log", "memchr", "memmap2", "num_cpus",
            "pcre2", "regex", "regex-syntax", "same-file", "serde", "serde_derive", "serde_json", "termcolor", "thread_local",
            "walkdir", "winapi-util",
        ];
        Assert.Equal(direct, inventory.Components.Where(c => c.Relation == DependencyRelation.Direct).Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(inventory.Components, c => Assert.Single(c.Hashes));
        var serdeJson = Assert.Single(inventory.Components, c => c.Name == "serde_json");
        Assert.Equal(["pkg:cargo/itoa@1.0.1", "pkg:cargo/ryu@1.0.9", "pkg:cargo/serde@1.0.136"], serdeJson.DependsOn);
    }

    [Fact]
    public async Task Parse_NewerFormatAndDanglingEdge_WarnAndKeepTheRest()
    {
        var result = await ParseText("version = 9\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\"ghost\", \"rand\"]\n\n[[package]]\nname = \"rand\"\nversion = \"0.8.5\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n\n[[package]]\nname = \"broken\"\n");

        Assert.Equal("rand", Assert.Single(result.Inventory!.Components).Name);
        Assert.Equal(["line 1", "line 12", "line 2"], result.Diagnostics.Select(d => d.Location).Order(StringComparer.Ordinal));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    public static TheoryData<string, string, string?> Invalid => new()
    {
        { "version = 3\n[[package]]\nname = \"a\"\nversion = \"1.0\"\nsource = registry\n", DiagnosticCodes.InvalidJson, "5:10" },
        { "version = 3\nversion = 3\n", DiagnosticCodes.InvalidJson, "2:1" },
        { "[workspace]\nmembers = []\n", DiagnosticCodes.UnsupportedFormat, null },
        { "version = 3\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n", DiagnosticCodes.NoComponents, null },
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

    [Fact]
    public async Task Parse_InvalidUtf8_FailsAtTheBadByte()
    {
        using var stream = new MemoryStream([.. "version = 3\nx = \""u8, 0xC3, 0x28, (byte)'"', (byte)'\n']);
        var result = await Parser.ParseAsync(new InputSource("/p/Cargo.lock", stream), CancellationToken.None);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidJson, "2:6"), (error.Code, error.Location));
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_DeepNesting_IsAnErrorNotAStackOverflow()
    {
        var result = await ParseText("version = 3\nx = " + new string('[', 10_000) + new string(']', 10_000) + "\n");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidJson, error.Code);
        Assert.Contains("depth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_ByteOrderMarkAndCrLf_AreAccepted()
    {
        var result = await ParseText("\uFEFFversion = 3\r\n\r\n[[package]]\r\nname = \"rand\"\r\nversion = \"0.8.5\"\r\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\r\n");

        var component = Assert.Single(result.Inventory!.Components);
        Assert.Equal(("rand", "line 3"), (component.Name, component.Location.Pointer));
    }
}
