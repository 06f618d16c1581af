using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Npm;
using Ctem.Testing;
using Xunit;
using static Ctem.Plugins.Tests.Parsers.Npm.NpmTestFiles;

namespace Ctem.Plugins.Tests.Parsers.Npm;

public sealed class PnpmLockParserTests
{
    private static readonly PnpmLockParser Parser = new();

    [Theory]
    [InlineData("/src/app/pnpm-lock.yaml", true)]
    [InlineData("/src/app/pnpm-workspace.yaml", false)]
    [InlineData("/src/app/yarn.lock", false)]
    public void CanParse_ByFileName_Decides(string path, bool expected) => Assert.Equal(expected, Parser.CanParse(path, []));

    [Fact]
    public async Task Parse_V5_StripsPeerSuffixesAndReadsDevFlags()
    {
        var result = await Parse(Parser, "pnpm-v5/pnpm-lock.yaml");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            [
                "@testing-library/react 13.4.0 pkg:npm/%40testing-library/react@13.4.0 Development Direct",
                "js-tokens 4.0.0 pkg:npm/js-tokens@4.0.0 Runtime Transitive",
                "loose-envify 1.4.0 pkg:npm/loose-envify@1.4.0 Runtime Transitive",
                "react-dom 18.2.0 pkg:npm/react-dom@18.2.0 Runtime Direct",
                "react 18.2.0 pkg:npm/react@18.2.0 Runtime Direct",
                "scheduler 0.23.0 pkg:npm/scheduler@0.23.0 Runtime Transitive",
                "string-width 4.2.3 pkg:npm/string-width@4.2.3 Runtime Direct",
                "left-pad 1.3.0 pkg:npm/left-pad@1.3.0 Development Transitive",
            ],
            inventory.Components.Select(Row));
        Assert.Equal(["react@18.2.0", "react-dom@18.2.0"], inventory.Components[0].DependsOn);
        Assert.Equal(["loose-envify@1.4.0", "react@18.2.0", "scheduler@0.23.0"], inventory.Components[3].DependsOn);
        Assert.Equal("line 19", inventory.Components[0].Location.Pointer);
        Assert.Empty(inventory.Components[^1].Hashes);
    }

    [Fact]
    public async Task Parse_V6_MergesPeerVariantsAndReadsImporters()
    {
        var result = await Parse(Parser, "pnpm-v6/pnpm-lock.yaml");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            [
                "@rollup/rollup-linux-x64-gnu 4.9.6 pkg:npm/%40rollup/rollup-linux-x64-gnu@4.9.6 Optional Direct",
                "@vue/devtools-api 6.5.1 pkg:npm/%40vue/devtools-api@6.5.1 Runtime Transitive",
                "@vue/shared 3.4.15 pkg:npm/%40vue/shared@3.4.15 Runtime Direct",
                "esbuild 0.19.12 pkg:npm/esbuild@0.19.12 Development Transitive",
                "vite 5.0.12 pkg:npm/vite@5.0.12 Development Direct",
                "vue-router 4.2.5 pkg:npm/vue-router@4.2.5 Runtime Direct",
                "vue 3.4.15 pkg:npm/vue@3.4.15 Runtime Transitive",
                "vue 3.4.16 pkg:npm/vue@3.4.16 Development Transitive",
            ],
            inventory.Components.Select(Row));
        Assert.Equal(["@vue/devtools-api@6.5.1", "vue@3.4.15", "vue@3.4.16"], inventory.Components[5].DependsOn);
        Assert.Equal(["esbuild@0.19.12"], inventory.Components[4].DependsOn);
    }

    [Fact]
    public async Task Parse_V9_TakesPeersOffVersionsAndDependenciesFromSnapshots()
    {
        var result = await Parse(Parser, "pnpm-v9/pnpm-lock.yaml");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(13, inventory.Components.Count);
        Assert.All(inventory.Components, c => Assert.DoesNotContain("(", c.Version, StringComparison.Ordinal));
        Assert.Equal(
            ["@typescript-eslint/eslint-plugin", "@typescript-eslint/parser", "eslint", "typescript"],
            inventory.Components.Where(c => c.Relation == DependencyRelation.Direct).Select(c => c.Name));
        var plugin = inventory.Components.Single(c => c.Name == "@typescript-eslint/eslint-plugin");
        Assert.Equal("@typescript-eslint/eslint-plugin@5.62.0", plugin.BomRef);
        Assert.Equal(
            ["@typescript-eslint/parser@5.62.0", "@typescript-eslint/type-utils@5.62.0", "@typescript-eslint/utils@5.62.0", "debug@4.3.4", "eslint@8.57.0", "tsutils@3.21.0", "typescript@4.9.5"],
            plugin.DependsOn);

        // supports-color is only a transitive peer: nothing the project declares reaches it.
        Assert.Equal(
            ["has-flag", "supports-color"],
            inventory.Components.Where(c => c.Scope == DependencyScope.Unspecified).Select(c => c.Name));
        Assert.All(inventory.Components.Where(c => c.Scope != DependencyScope.Unspecified), c => Assert.Equal(DependencyScope.Runtime, c.Scope));
    }

    [Fact]
    public async Task Parse_V9_ScopeFromTheDeclarationsThatReachAPackage()
    {
        var result = await Parse(Parser, "pnpm-v9-scopes/pnpm-lock.yaml");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            [
                "@types/node 20.11.5 pkg:npm/%40types/node@20.11.5 Development Transitive",
                "debug 2.6.9 pkg:npm/debug@2.6.9 Runtime Transitive",
                "express 4.18.2 pkg:npm/express@4.18.2 Runtime Direct",
                "fsevents 2.3.3 pkg:npm/fsevents@2.3.3 Development Transitive",
                "ms 2.0.0 pkg:npm/ms@2.0.0 Runtime Transitive",
                "string-width 4.2.3 pkg:npm/string-width@4.2.3 Runtime Direct",
                "vitest 1.2.1 pkg:npm/vitest@1.2.1 Development Direct",
            ],
            inventory.Components.Select(Row));
    }

    public static TheoryData<string, string, string, string?> Malformed => new()
    {
        { "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: {resolution: {integrity: x}\n", DiagnosticCodes.InvalidJson, "invalid YAML", "4:1" },
        { "packages:\n  a@1.0.0: {}\n", DiagnosticCodes.UnsupportedFormat, "no 'lockfileVersion'", "line 1" },
        { "lockfileVersion: '3'\n", DiagnosticCodes.UnsupportedFormat, "is not supported", "line 1" },
        { "- a\n- b\n", DiagnosticCodes.InvalidJson, "not a YAML mapping", "1:1" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Parse_Malformed_FailsWithPlace(string text, string code, string message, string? location)
    {
        var result = await ParseText(Parser, "pnpm-lock.yaml", text);

        InventoryAssert.FailedWithMessage(result, code, message, location);
    }

    [Fact]
    public async Task Parse_UnreadableKey_KeepsTheRestAndWarns()
    {
        const string text = "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      a:\n        specifier: ^1.0.0\n        version: 1.0.0\npackages:\n  a@1.0.0: {}\n  github.com/x/y: {}\n  b@file:../b: {}\n";

        var result = await ParseText(Parser, "pnpm-lock.yaml", text);

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(["a 1.0.0 pkg:npm/a@1.0.0 Runtime Direct"], inventory.Components.Select(Row));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("line 10", warning.Location);
    }
}
