using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Apk;
using Xunit;

namespace Ctem.Plugins.Tests.Parsers.Apk;

public sealed class ApkInstalledParserTests
{
    private static readonly ApkInstalledParser Parser = new();

    [Theory]
    [InlineData("/img/lib/apk/db/installed", true)]
    [InlineData("lib/apk/db/installed", true)]
    [InlineData(@"C:\rootfs\lib\apk\db\installed", true)]
    [InlineData("/img/lib/apk/db/installed.old", false)]
    [InlineData("/img/lib/apk/db/triggers", false)]
    [InlineData("/img/mylib/apk/db/installed", false)]
    public void CanParse_ByPath_ClaimsTheInstalledDatabaseOnly(string path, bool expected) =>
        Assert.Equal(expected, Parser.CanParse(path, "C:Q1"u8));

    public static TheoryData<string, string, string, string> Alpine319Components => new()
    {
        // name, version, purl, origin (the advisory package name)
        { "musl", "1.2.4_git20230717-r4", "pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=alpine-3.19.1&upstream=musl", "musl" },
        { "busybox", "1.36.1-r15", "pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1&upstream=busybox", "busybox" },
        { "busybox-binsh", "1.36.1-r15", "pkg:apk/alpine/busybox-binsh@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1&upstream=busybox", "busybox" },
        { "libcrypto3", "3.1.4-r5", "pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=x86_64&distro=alpine-3.19.1&upstream=openssl", "openssl" },
        { "libssl3", "3.1.4-r5", "pkg:apk/alpine/libssl3@3.1.4-r5?arch=x86_64&distro=alpine-3.19.1&upstream=openssl", "openssl" },
        { "ca-certificates-bundle", "20230506-r0", "pkg:apk/alpine/ca-certificates-bundle@20230506-r0?arch=x86_64&distro=alpine-3.19.1&upstream=ca-certificates", "ca-certificates" },
        { "zlib", "1.3.1-r0", "pkg:apk/alpine/zlib@1.3.1-r0?arch=x86_64&distro=alpine-3.19.1&upstream=zlib", "zlib" },
    };

    [Fact]
    public async Task Parse_Alpine319_ReadsEveryPackageInOrder()
    {
        var result = await ParseRoot("alpine319");
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Null(inventory.Product);
        Assert.Equal(Alpine319Components.Select(row => (string)row[0]), inventory.Components.Select(c => c.Name));
    }

    [Theory]
    [MemberData(nameof(Alpine319Components))]
    public async Task Parse_Alpine319_EachComponentHasPurlAndOriginKey(string name, string version, string purl, string origin)
    {
        var result = await ParseRoot("alpine319");
        var component = Assert.Single(result.Inventory!.Components, c => c.Name == name);
        Assert.Equal(version, component.Version);
        Assert.Equal(purl, component.Purl?.ToString());
        Assert.Equal(purl, component.BomRef);
        Assert.Equal(new PackageKey("Alpine:v3.19", origin), component.PackageKey);
        Assert.Equal(version, component.MatchVersion);
        Assert.Equal(DependencyScope.Unspecified, component.Scope);
    }

    [Fact]
    public async Task Parse_Alpine319_KeepsLocationLicenceAndChecksum()
    {
        var components = (await ParseRoot("alpine319")).Inventory!.Components;
        var musl = components[0];
        Assert.Equal("line 2", musl.Location.Pointer);
        Assert.Equal(["MIT"], musl.Licenses);
        Assert.Equal([new ComponentHash("SHA-1", "bbe13358623190463f3bd6126e073ceeaca8490f")], musl.Hashes);
        Assert.Equal(["MPL-2.0 AND MIT"], components[5].Licenses);
        Assert.Equal("line 22", components[1].Location.Pointer);
    }

    [Fact]
    public async Task Parse_Alpine319_DependsOnResolvesNamesAndProvides()
    {
        var components = (await ParseRoot("alpine319")).Inventory!.Components.ToDictionary(c => c.Name);
        string Ref(string name) => components[name].BomRef!;

        Assert.Equal([Ref("musl"), Ref("libcrypto3")], components["libssl3"].DependsOn);
        Assert.Equal([Ref("busybox")], components["busybox-binsh"].DependsOn);
        Assert.Equal([Ref("musl")], components["zlib"].DependsOn);
        Assert.Empty(components["musl"].DependsOn);
    }

    [Fact]
    public async Task Parse_NotAlpine_WarnsAndOmitsDistro()
    {
        var result = await ParseRoot("wolfi");
        var component = Assert.Single(result.Inventory!.Components);
        Assert.Equal("pkg:apk/wolfi/glibc@2.39-r1?arch=x86_64&upstream=glibc", component.Purl?.ToString());
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnsupportedFormat, warning.Code);
        Assert.Contains("'wolfi'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_BrokenBlocks_KeepsTheRestAndWarns()
    {
        var result = await ParseRoot("broken");
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(["zlib", "unversioned"], inventory.Components.Select(c => c.Name));
        Assert.Equal("pkg:apk/alpine/zlib@1.3.1-r0?arch=aarch64&upstream=zlib", inventory.Components[0].Purl?.ToString());
        Assert.Equal(new PackageKey("Alpine", "zlib"), inventory.Components[0].PackageKey);
        Assert.Null(inventory.Components[1].Version);
        Assert.Equal(new PackageKey("Alpine", "unversioned"), inventory.Components[1].PackageKey);
        Assert.Equal(
            [
                (DiagnosticCodes.UnsupportedFormat, "line 10"),
                (DiagnosticCodes.UnsupportedFormat, "line 7"),
                (DiagnosticCodes.UnreadableFile, (string?)null),
                (DiagnosticCodes.UnparsableVersion, "line 12"),
            ],
            result.Diagnostics.Select(d => (d.Code, d.Location)));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public async Task Parse_EmptyDatabase_FailsWithNoComponents()
    {
        var result = await ParseRoot("invalid-empty");
        Assert.Null(result.Inventory);
        Assert.Equal(DiagnosticCodes.NoComponents, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public async Task Parse_NotADatabase_FailsWithUnsupportedFormat()
    {
        using var stream = new MemoryStream("<html>\n<body>404</body>\n</html>\n"u8.ToArray());
        var result = await Parser.ParseAsync(new InputSource("/x/lib/apk/db/installed", stream), CancellationToken.None);
        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.UnsupportedFormat, error.Code);
    }

    private static async Task<InventoryResult> ParseRoot(string root)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Parsers", "Apk", "testdata", root) + Path.DirectorySeparatorChar + "lib/apk/db/installed";
        await using var stream = File.OpenRead(path);
        var source = new InputSource(path, stream) { Related = p => File.Exists(p) ? File.ReadAllBytes(p) : null };
        return await Parser.ParseAsync(source, CancellationToken.None);
    }
}
