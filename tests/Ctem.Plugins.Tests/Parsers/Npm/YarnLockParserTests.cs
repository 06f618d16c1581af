using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Npm;
using Xunit;
using static Ctem.Plugins.Tests.Parsers.Npm.NpmTestFiles;

namespace Ctem.Plugins.Tests.Parsers.Npm;

public sealed class YarnLockParserTests
{
    private static readonly YarnLockParser Parser = new();

    [Theory]
    [InlineData("/src/app/yarn.lock", true)]
    [InlineData("/src/app/package-lock.json", false)]
    [InlineData("/src/app/yarn.lock.bak", false)]
    public void CanParse_ByFileName_Decides(string path, bool expected) => Assert.Equal(expected, Parser.CanParse(path, []));

    [Fact]
    public async Task Parse_Classic_OneComponentPerEntry()
    {
        var result = await Parse(Parser, "yarn-classic/yarn.lock");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Null(inventory.Product);
        Assert.Equal(
            [
                "@babel/code-frame 7.23.5 pkg:npm/%40babel/code-frame@7.23.5 Unspecified Unspecified",
                "@babel/highlight 7.23.4 pkg:npm/%40babel/highlight@7.23.4 Unspecified Unspecified",
                "chalk 2.4.2 pkg:npm/chalk@2.4.2 Unspecified Unspecified",
                "fsevents 2.3.3 pkg:npm/fsevents@2.3.3 Unspecified Unspecified",
                "jest-util 29.7.0 pkg:npm/jest-util@29.7.0 Unspecified Unspecified",
                "left-pad 1.3.0 pkg:npm/left-pad@1.3.0 Unspecified Unspecified",
                "string-width 4.2.3 pkg:npm/string-width@4.2.3 Unspecified Unspecified",
                "supports-color 5.5.0 pkg:npm/supports-color@5.5.0 Unspecified Unspecified",
            ],
            inventory.Components.Select(Row));
        var frame = inventory.Components[0];
        Assert.Equal("@babel/code-frame@7.23.5", frame.BomRef);
        Assert.Equal("line 5", frame.Location.Pointer);
        Assert.Equal(["@babel/highlight@7.23.4", "chalk@2.4.2"], frame.DependsOn);
        Assert.Equal(["fsevents@2.3.3"], inventory.Components[4].DependsOn);
        Assert.Equal([new ComponentHash("sha1", "cd42541677a54333cf541a49108c1432b44c9424")], inventory.Components[2].Hashes);
        Assert.Empty(inventory.Components[5].Hashes);
        Assert.Equal("sha512", Assert.Single(inventory.Components[6].Hashes).Algorithm);
    }

    [Fact]
    public async Task Parse_ClassicWithManifest_DirectAndScopeFromPackageJson()
    {
        var result = await Parse(Parser, "yarn-classic/yarn.lock", withManifest: true);

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(new ProductRef("docs-site", "3.1.0"), inventory.Product);
        Assert.Equal(
            [
                "@babel/code-frame Runtime Direct",
                "@babel/highlight Runtime Transitive",
                "chalk Runtime Transitive",
                "fsevents Development Transitive",
                "jest-util Development Direct",
                "left-pad Runtime Direct",
                "string-width Runtime Direct",
                "supports-color Runtime Transitive",
            ],
            inventory.Components.Select(c => $"{c.Name} {c.Scope} {c.Relation}"));
    }

    [Fact]
    public async Task Parse_Berry_SkipsWorkspacesAndLinksAndFoldsPatches()
    {
        var result = await Parse(Parser, "yarn-berry/yarn.lock");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new ProductRef("site", null), inventory.Product);
        Assert.Equal(
            [
                "@octokit/types 12.4.0 pkg:npm/%40octokit/types@12.4.0 Unspecified Direct",
                "@octokit/openapi-types 19.1.0 pkg:npm/%40octokit/openapi-types@19.1.0 Unspecified Transitive",
                "cpu-features 0.0.9 pkg:npm/cpu-features@0.0.9 Unspecified Direct",
                "resolve 1.22.8 pkg:npm/resolve@1.22.8 Unspecified Direct",
            ],
            inventory.Components.Select(Row));
        Assert.Equal("@octokit/types@npm:12.4.0", inventory.Components[0].BomRef);
        Assert.Equal("line 8", inventory.Components[0].Location.Pointer);
        Assert.Equal(["@octokit/openapi-types@npm:19.1.0"], inventory.Components[0].DependsOn);
        Assert.All(inventory.Components, c => Assert.Empty(c.Hashes));
    }

    [Fact]
    public async Task Parse_BerryWithManifest_ScopeFromPackageJson()
    {
        var result = await Parse(Parser, "yarn-berry/yarn.lock", withManifest: true);

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(new ProductRef("site", "1.0.0"), inventory.Product);
        Assert.Equal(
            [DependencyScope.Runtime, DependencyScope.Runtime, DependencyScope.Optional, DependencyScope.Runtime],
            inventory.Components.Select(c => c.Scope));
    }

    [Fact]
    public async Task Parse_BerryAliases_UseTheResolvedPackage()
    {
        var result = await Parse(Parser, "yarn-berry-aliases/yarn.lock");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("mine", inventory.Product?.Name);
        Assert.Equal(
            [
                "ansi-regex 5.0.1 pkg:npm/ansi-regex@5.0.1 Unspecified Direct",
                "ansi-regex 6.0.1 pkg:npm/ansi-regex@6.0.1 Unspecified Direct",
                "@babel/helper-validator-identifier 7.22.20 pkg:npm/%40babel/helper-validator-identifier@7.22.20 Unspecified Direct",
            ],
            inventory.Components.Select(Row));
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "# yarn lockfile v1\n\na@^1.0.0:\n  version \"1.0.0\n", "cannot read the line", "line 4" },
        { "# yarn lockfile v1\n\n  version \"1.0.0\"\n", "before any entry header", "line 3" },
        { "# yarn lockfile v1\n\na@^1.0.0:\n  version \"1.0.0\"\nb@^2.0.0\n", "expected an entry header", "line 5" },
        { "__metadata:\n  version: 8\n\"a@npm:^1.0.0\":\n  version: [1.0.0\n", "invalid YAML", "5:1" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Parse_Malformed_FailsWithLine(string text, string message, string location)
    {
        var result = await ParseText(Parser, "yarn.lock", text);

        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics);
        Assert.True(error.IsError);
        Assert.Equal(DiagnosticCodes.InvalidJson, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(location, error.Location);
    }

    [Fact]
    public async Task Parse_BadEntries_KeepsTheRestAndWarns()
    {
        const string text = "__metadata:\n  version: 8\n\n\"a@npm:^1.0.0\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n\n\"b@npm:^2.0.0\": oops\n\n\"c@npm:^3.0.0\":\n  version: 3.0.0\n";

        var result = await ParseText(Parser, "yarn.lock", text);

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(["a 1.0.0 pkg:npm/a@1.0.0 Unspecified Transitive"], inventory.Components.Select(Row));
        Assert.Equal(["line 8", "line 10"], result.Diagnostics.Select(d => d.Location));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }
}
