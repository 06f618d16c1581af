using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Dpkg;
using Xunit;

namespace Ctem.Plugins.Tests.Parsers.Dpkg;

public sealed class DpkgStatusParserTests
{
    private static readonly DpkgStatusParser Parser = new();

    [Theory]
    [InlineData("/img/var/lib/dpkg/status", true)]
    [InlineData("var/lib/dpkg/status", true)]
    [InlineData(@"C:\rootfs\var\lib\dpkg\status", true)]
    [InlineData("/img/var/lib/dpkg/status.d/libssl3", true)]
    [InlineData("/img/var/lib/dpkg/status.d/libssl3.md5sums", false)]
    [InlineData("/img/var/lib/dpkg/status-old", false)]
    [InlineData("/img/var/lib/dpkg/available", false)]
    [InlineData("/img/myvar/lib/dpkg/status", false)]
    [InlineData("/img/status", false)]
    public void CanParse_ByPath_ClaimsStatusDatabasesOnly(string path, bool expected) =>
        Assert.Equal(expected, Parser.CanParse(path, "Package: x\n"u8));

    public static TheoryData<string, string, string, string, string?> Debian12Components => new()
    {
        // name, version, purl, line, source version to match
        { "base-files", "12.4+deb12u5", "pkg:deb/debian/base-files@12.4%2Bdeb12u5?arch=amd64&distro=debian-12&upstream=base-files", "line 1", "12.4+deb12u5" },
        { "libc6", "2.36-9+deb12u4", "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12&upstream=glibc", "line 25", "2.36-9+deb12u4" },
        { "libgcc-s1", "12.2.0-14", "pkg:deb/debian/libgcc-s1@12.2.0-14?arch=amd64&distro=debian-12&upstream=gcc-12", "line 48", "12.2.0-14" },
        { "gcc-12-base", "12.2.0-14", "pkg:deb/debian/gcc-12-base@12.2.0-14?arch=amd64&distro=debian-12&upstream=gcc-12", "line 67", "12.2.0-14" },
        { "libssl3", "3.0.11-1~deb12u2", "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl", "line 100", "3.0.11-1~deb12u2" },
        { "passwd", "1:4.13+dfsg1-1+b1", "pkg:deb/debian/passwd@1:4.13%2Bdfsg1-1%2Bb1?arch=amd64&distro=debian-12&upstream=shadow%401:4.13%2Bdfsg1-1", "line 119", "1:4.13+dfsg1-1" },
        { "zlib1g", "1:1.2.13.dfsg-1", "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12&upstream=zlib", "line 138", "1:1.2.13.dfsg-1" },
        { "tzdata", "2024a-0+deb12u1", "pkg:deb/debian/tzdata@2024a-0%2Bdeb12u1?arch=all&distro=debian-12&upstream=tzdata", "line 157", "2024a-0+deb12u1" },
    };

    [Fact]
    public async Task Parse_Debian12_ReadsInstalledPackagesOnly()
    {
        var result = await ParseRoot("debian12");
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Null(inventory.Product);
        var expected = Debian12Components.Select(row => (string)row[0]).ToArray();
        Assert.Equal(expected, inventory.Components.Select(c => c.Name));
        Assert.DoesNotContain(inventory.Components, c => c.Name == "libssl1.1");
    }

    [Theory]
    [MemberData(nameof(Debian12Components))]
    public async Task Parse_Debian12_EachComponentHasPurlKeyAndMatchVersion(string name, string version, string purl, string line, string? matchVersion)
    {
        var result = await ParseRoot("debian12");
        var component = Assert.Single(result.Inventory!.Components, c => c.Name == name);
        Assert.Equal(version, component.Version);
        Assert.Equal(purl, component.Purl?.ToString());
        Assert.Equal(purl, component.BomRef);
        Assert.Equal(line, component.Location.Pointer);
        Assert.Equal(matchVersion, component.MatchVersion);
        Assert.Equal("Debian:12", component.Ecosystem);
        Assert.Equal(DependencyScope.Unspecified, component.Scope);
        Assert.Equal(DependencyRelation.Unspecified, component.Relation);
    }

    [Theory]
    [InlineData("libssl3", "openssl")]
    [InlineData("passwd", "shadow")]
    [InlineData("libc6", "glibc")]
    [InlineData("base-files", "base-files")]
    public async Task Parse_Debian12_PackageKeyIsTheSourcePackage(string name, string source)
    {
        var result = await ParseRoot("debian12");
        var component = Assert.Single(result.Inventory!.Components, c => c.Name == name);
        Assert.Equal(new PackageKey("Debian:12", source), component.PackageKey);
    }

    [Fact]
    public async Task Parse_Debian12_DependsOnResolvesInstalledPackagesAndProvides()
    {
        var components = (await ParseRoot("debian12")).Inventory!.Components.ToDictionary(c => c.Name);
        string Ref(string name) => components[name].BomRef!;

        // passwd's libaudit1, libpam0g, … are not in the fixture: only what is installed becomes an edge.
        Assert.Equal([Ref("libc6")], components["passwd"].DependsOn);
        Assert.Equal([Ref("gcc-12-base"), Ref("libc6")], components["libgcc-s1"].DependsOn);
        Assert.Equal([Ref("libgcc-s1")], components["libc6"].DependsOn);
        Assert.Empty(components["tzdata"].DependsOn);
    }

    [Fact]
    public async Task Parse_Ubuntu2204_UsesUbuntuNamespaceAndKeepsMultiarchAndHeldPackages()
    {
        var result = await ParseRoot("ubuntu2204");
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            [
                "pkg:deb/ubuntu/bash@5.1-6ubuntu1.1?arch=amd64&distro=ubuntu-22.04&upstream=bash",
                "pkg:deb/ubuntu/libssl3@3.0.2-0ubuntu1.15?arch=amd64&distro=ubuntu-22.04&upstream=openssl",
                "pkg:deb/ubuntu/libc6@2.35-0ubuntu3.6?arch=amd64&distro=ubuntu-22.04&upstream=glibc",
                "pkg:deb/ubuntu/libc6@2.35-0ubuntu3.6?arch=i386&distro=ubuntu-22.04&upstream=glibc",
            ],
            inventory.Components.Select(c => c.Purl?.ToString()));
        Assert.All(inventory.Components, c => Assert.Equal("Ubuntu:22.04", c.Ecosystem));
        Assert.Equal(new PackageKey("Ubuntu:22.04", "openssl"), inventory.Components[1].PackageKey);

        // bash pre-depends on libc6: the amd64 one, not the i386 one installed beside it.
        Assert.Equal([inventory.Components[2].BomRef!], inventory.Components[0].DependsOn);
    }

    [Fact]
    public async Task Parse_DistrolessStatusD_ReadsStanzaWithoutStatus()
    {
        var result = await ParseRoot("distroless", "var/lib/dpkg/status.d/libssl3");
        var component = Assert.Single(result.Inventory!.Components);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl", component.Purl?.ToString());
        Assert.Equal(new PackageKey("Debian:12", "openssl"), component.PackageKey);
        Assert.Equal("line 1", component.Location.Pointer);
    }

    [Fact]
    public async Task Parse_WithoutRelatedReader_WarnsAndOmitsDistro()
    {
        var path = TestData("debian12", "var/lib/dpkg/status");
        await using var stream = File.OpenRead(path);
        var result = await Parser.ParseAsync(new InputSource(path, stream), CancellationToken.None);
        Assert.Equal(8, result.Inventory?.Components.Count);
        Assert.Equal(DiagnosticCodes.UnreadableFile, Assert.Single(result.Diagnostics).Code);
        Assert.Equal("Debian", result.Inventory!.Components[0].Ecosystem);
        Assert.Equal("pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&upstream=openssl", result.Inventory.Components[4].Purl?.ToString());
    }

    [Fact]
    public async Task Parse_BrokenStanzaAndNoOsRelease_KeepsPackagesAndWarns()
    {
        var result = await ParseRoot("no-os-release");
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(["libssl3", "broken-no-version"], inventory.Components.Select(c => c.Name));
        Assert.Null(inventory.Components[1].Version);
        Assert.Equal(
            [
                (DiagnosticCodes.UnsupportedFormat, "line 11"),
                (DiagnosticCodes.UnreadableFile, (string?)null),
                (DiagnosticCodes.UnparsableVersion, "line 8"),
            ],
            result.Diagnostics.Select(d => (d.Code, d.Location)));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Theory]
    [InlineData("ID=raspbian\nID_LIKE=debian\nVERSION_ID=\"12\"\n", "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=arm64&upstream=openssl", "Debian")]
    [InlineData("ID=linuxmint\nID_LIKE=\"ubuntu debian\"\nVERSION_ID=\"21.3\"\n", "pkg:deb/ubuntu/libssl3@3.0.11-1~deb12u2?arch=arm64&upstream=openssl", "Ubuntu")]
    [InlineData("ID=debian\nVERSION_CODENAME=trixie\n", "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=arm64&distro=debian-trixie&upstream=openssl", "Debian:13")]
    [InlineData("# comment\nID='debian'\nVERSION_ID=\"11\"\n", "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=arm64&distro=debian-11&upstream=openssl", "Debian:11")]
    public async Task Parse_OsReleaseVariants_ChooseNamespaceAndDistro(string osRelease, string purl, string ecosystem)
    {
        const string Status = "Package: libssl3\nStatus: install ok installed\nArchitecture: arm64\nSource: openssl\nVersion: 3.0.11-1~deb12u2\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Status));
        var source = new InputSource("/rootfs/var/lib/dpkg/status", stream)
        {
            Related = path => path == "/rootfs/etc/os-release" ? Encoding.UTF8.GetBytes(osRelease) : null,
        };

        var result = await Parser.ParseAsync(source, CancellationToken.None);

        var component = Assert.Single(result.Inventory!.Components);
        Assert.Equal(purl, component.Purl?.ToString());
        Assert.Equal(ecosystem, component.Ecosystem);
    }

    [Fact]
    public async Task Parse_FallsBackToUsrLibOsRelease()
    {
        using var stream = new MemoryStream("Package: a\nStatus: install ok installed\nVersion: 1\n"u8.ToArray());
        var source = new InputSource("/r/var/lib/dpkg/status", stream)
        {
            Related = path => path == "/r/usr/lib/os-release" ? "ID=debian\nVERSION_ID=\"12\"\n"u8.ToArray() : null,
        };

        var result = await Parser.ParseAsync(source, CancellationToken.None);

        Assert.Equal("Debian:12", Assert.Single(result.Inventory!.Components).Ecosystem);
    }

    [Fact]
    public async Task Parse_RootWithDebianVersionOnly_TakesTheReleaseFromIt()
    {
        var result = await ParseRoot("debian-version-only");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(8, result.Inventory?.Components.Count);
        Assert.All(result.Inventory!.Components, c => Assert.Equal("Debian:12", c.Ecosystem));
        Assert.Equal("pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12.5&upstream=openssl", result.Inventory.Components[4].Purl?.ToString());
    }

    /// <summary>
    /// Cases: etc/debian_version of a root without os-release → the ecosystem and whether it is warned about. Testing and
    /// unstable write "codename/sid": no numbered release, and no telling which of the two.
    /// </summary>
    [Theory]
    [InlineData("12.5\n", "Debian:12", false)]
    [InlineData("11.9", "Debian:11", false)]
    [InlineData("10.13\n", "Debian:10", false)]
    [InlineData("13.0\n", "Debian:13", false)]
    [InlineData("trixie/sid\n", "Debian", true)]
    [InlineData("bookworm/sid\n", "Debian", true)]
    [InlineData("\n", "Debian", true)]
    public async Task Parse_DebianVersionWithoutOsRelease_NamesTheReleaseWhenNumbered(string debianVersion, string ecosystem, bool warned)
    {
        using var stream = new MemoryStream("Package: a\nStatus: install ok installed\nVersion: 1\n"u8.ToArray());
        var source = new InputSource("/r/var/lib/dpkg/status", stream)
        {
            Related = path => path == "/r/etc/debian_version" ? Encoding.UTF8.GetBytes(debianVersion) : null,
        };

        var result = await Parser.ParseAsync(source, CancellationToken.None);

        Assert.Equal(ecosystem, Assert.Single(result.Inventory!.Components).Ecosystem);
        Assert.Equal(warned ? 1 : 0, result.Diagnostics.Count);
        if (warned)
        {
            var warning = Assert.Single(result.Diagnostics);
            Assert.Equal((DiagnosticSeverity.Warning, "/r/var/lib/dpkg/status"), (warning.Severity, warning.Path));
            Assert.Contains("etc/debian_version says", warning.Message, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string> Invalid => new()
    {
        { "invalid-not-dpkg", DiagnosticCodes.UnsupportedFormat },
        { "invalid-none-installed", DiagnosticCodes.NoComponents },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithClearError(string root, string code)
    {
        var result = await ParseRoot(root);
        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(code, error.Code);
        Assert.EndsWith("var/lib/dpkg/status", error.Path.Replace('\\', '/'), StringComparison.Ordinal);
    }

    private static async Task<InventoryResult> ParseRoot(string root, string database = "var/lib/dpkg/status")
    {
        var path = TestData(root, database);
        await using var stream = File.OpenRead(path);
        var source = new InputSource(path, stream) { Related = ReadIfExists };
        return await Parser.ParseAsync(source, CancellationToken.None);
    }

    private static byte[]? ReadIfExists(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;

    private static string TestData(string root, string relative) =>
        Path.Combine(AppContext.BaseDirectory, "Parsers", "Dpkg", "testdata", root) + Path.DirectorySeparatorChar + relative;
}
