using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Npm;
using Ctem.Testing;
using Xunit;
using static Ctem.Plugins.Tests.Parsers.Npm.NpmTestFiles;

namespace Ctem.Plugins.Tests.Parsers.Npm;

public sealed class NpmPackageLockParserTests
{
    private static readonly NpmPackageLockParser Parser = new();

    [Theory]
    [InlineData("/src/app/package-lock.json", true)]
    [InlineData("npm-shrinkwrap.json", true)]
    [InlineData("/src/app/package.json", false)]
    [InlineData("/src/app/node_modules/.package-lock.json", false)]
    [InlineData("/src/app/yarn.lock", false)]
    public void CanParse_ByFileName_Decides(string path, bool expected) => Assert.Equal(expected, Parser.CanParse(path, []));

    [Fact]
    public async Task Parse_V3Workspace_ListsEveryInstalledFolder()
    {
        var result = await Parse(Parser, "npm-v3/package-lock.json");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new ProductRef("web-monorepo", "2.0.0"), inventory.Product);
        Assert.Equal(
            [
                "@types/prop-types 15.7.11 pkg:npm/%40types/prop-types@15.7.11 Development Transitive",
                "@types/react 18.2.48 pkg:npm/%40types/react@18.2.48 Development Direct",
                "csstype 3.1.3 pkg:npm/csstype@3.1.3 Development Transitive",
                "fsevents 2.3.3 pkg:npm/fsevents@2.3.3 Optional Direct",
                "js-tokens 4.0.0 pkg:npm/js-tokens@4.0.0 Runtime Transitive",
                "loose-envify 1.4.0 pkg:npm/loose-envify@1.4.0 Runtime Transitive",
                "react 18.2.0 pkg:npm/react@18.2.0 Runtime Direct",
                "typescript 5.3.3 pkg:npm/typescript@5.3.3 Optional Direct",
                "uuid 9.0.1 pkg:npm/uuid@9.0.1 Runtime Direct",
                "uuid 8.3.2 pkg:npm/uuid@8.3.2 Runtime Direct",
            ],
            inventory.Components.Select(Row));
        var types = inventory.Components[1];
        Assert.Equal("node_modules/@types/react", types.BomRef);
        Assert.Equal("/packages/node_modules~1@types~1react", types.Location.Pointer);
        Assert.Equal(["node_modules/@types/prop-types", "node_modules/csstype"], types.DependsOn);
        Assert.Equal(new PackageKey("npm", "@types/react"), types.PackageKey);
        var hash = Assert.Single(types.Hashes);
        Assert.Equal("sha512", hash.Algorithm);
        Assert.Equal(128, hash.Value.Length);
        Assert.Equal("packages/ui-kit/node_modules/uuid", inventory.Components[^1].BomRef);
    }

    [Fact]
    public async Task Parse_V2Aliases_UseTheRealPackageName()
    {
        var result = await Parse(Parser, "npm-v2-alias/package-lock.json");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new ProductRef("my-library", null), inventory.Product);
        Assert.Equal(
            [
                "@babel/code-frame 7.0.0 pkg:npm/%40babel/code-frame@7.0.0 Runtime Direct",
                "string-width 5.1.2 pkg:npm/string-width@5.1.2 Runtime Direct",
                "string-width 4.2.0 pkg:npm/string-width@4.2.0 Runtime Direct",
            ],
            inventory.Components.Select(Row));
        Assert.All(inventory.Components, c => Assert.Empty(c.DependsOn));
    }

    [Fact]
    public async Task Parse_V1WithoutManifest_DirectIsWhatNothingRequires()
    {
        var result = await Parse(Parser, "npm-v1/package-lock.json");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(new ProductRef("shop-api", "1.4.0"), inventory.Product);
        Assert.Equal(
            [
                "debug 2.6.9 pkg:npm/debug@2.6.9 Runtime Transitive",
                "express 4.17.1 pkg:npm/express@4.17.1 Runtime Direct",
                "ms 2.1.3 pkg:npm/ms@2.1.3 Runtime Transitive",
                "fsevents 2.3.2 pkg:npm/fsevents@2.3.2 Optional Direct",
                "left-pad  pkg:npm/left-pad Runtime Direct",
                "mocha 8.4.0 pkg:npm/mocha@8.4.0 Development Direct",
                "debug 4.3.1 pkg:npm/debug@4.3.1 Development Transitive",
                "ms 2.1.2 pkg:npm/ms@2.1.2 Development Transitive",
                "ms 2.0.0 pkg:npm/ms@2.0.0 Runtime Transitive",
                "string-width 4.2.3 pkg:npm/string-width@4.2.3 Runtime Direct",
                "@babel/code-frame 7.12.13 pkg:npm/%40babel/code-frame@7.12.13 Development Direct",
            ],
            inventory.Components.Select(Row));

        // Node's lookup: express finds its own nested ms, the hoisted debug; mocha its nested debug.
        var express = inventory.Components[1];
        Assert.Equal(["node_modules/debug", "node_modules/express/node_modules/ms"], express.DependsOn);
        Assert.Equal("/dependencies/express", express.Location.Pointer);
        Assert.Equal(["node_modules/mocha/node_modules/ms"], inventory.Components[6].DependsOn);
        Assert.Equal([new ComponentHash("sha1", "b5243d8f3ec1aa35f1364605bc0d1036e30ab69f")], inventory.Components[5].Hashes);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnparsableVersion, warning.Code);
        Assert.Equal("/dependencies/left-pad", warning.Location);
        Assert.Contains("github:stevemao/left-pad#", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_V1WithManifest_DirectIsWhatPackageJsonDeclares()
    {
        var result = await Parse(Parser, "npm-v1-manifest/package-lock.json", withManifest: true);

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(
            ["debug", "express", "fsevents", "left-pad", "mocha", "string-width", "@babel/code-frame"],
            inventory.Components.Where(c => c.Relation == DependencyRelation.Direct).Select(c => c.Name));
        Assert.Equal(DependencyRelation.Transitive, inventory.Components.Single(c => c.BomRef == "node_modules/ms").Relation);
    }

    public static TheoryData<string, string, string, string?> Malformed => new()
    {
        { "{\n  \"lockfileVersion\": 2,\n  \"packages\": {\n    \"node_modules/a\": {\"version\": \"1.0.0\",}\n    ,,\n  }\n}", DiagnosticCodes.InvalidJson, "invalid JSON", "5:6" },
        { "[1, 2]", DiagnosticCodes.UnsupportedFormat, "top level is not a JSON object", null },
        { "{\"name\": \"x\"}", DiagnosticCodes.UnsupportedFormat, "not an npm lockfile", "/lockfileVersion" },
        { "{\"lockfileVersion\": 3}", DiagnosticCodes.UnsupportedFormat, "needs a 'packages' object", "/packages" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Parse_Malformed_FailsWithPlace(string text, string code, string message, string? location)
    {
        var result = await ParseText(Parser, "package-lock.json", text);

        var error = InventoryAssert.FailedWithMessage(result, code, message, location);
        Assert.Equal("package-lock.json", error.Path);
    }

    [Fact]
    public async Task Parse_BadEntries_KeepsTheRestAndWarns()
    {
        const string text = """
            {
              "lockfileVersion": 4,
              "packages": {
                "": {"name": "p", "dependencies": {"a": "^1.0.0", "b": "*"}},
                "node_modules/a": {"version": "1.0.0"},
                "node_modules/b": "oops",
                "node_modules/c": {"resolved": "https://registry.npmjs.org/c/-/c-1.0.0.tgz"}
              }
            }
            """;

        var result = await ParseText(Parser, "package-lock.json", text);

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(["a 1.0.0 pkg:npm/a@1.0.0 Runtime Direct", "c  pkg:npm/c Runtime Transitive"], inventory.Components.Select(Row));
        Assert.Equal(
            [(DiagnosticCodes.UnsupportedFormat, "/lockfileVersion"), (DiagnosticCodes.UnsupportedFormat, "/packages/node_modules~1b"), (DiagnosticCodes.UnparsableVersion, "/packages/node_modules~1c")],
            result.Diagnostics.Select(d => (d.Code, d.Location)));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public async Task Parse_NoDependencies_IsAnEmptyInventoryWithWarning()
    {
        var result = await ParseText(Parser, "package-lock.json", """{"name": "p", "version": "1.0.0", "lockfileVersion": 3, "packages": {"": {"name": "p", "version": "1.0.0"}}}""");

        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(inventory.Components);
        Assert.Equal(DiagnosticCodes.NoComponents, Assert.Single(result.Diagnostics).Code);
    }
}
