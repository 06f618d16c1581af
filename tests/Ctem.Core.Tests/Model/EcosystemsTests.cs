using Ctem.Core.Model;
using Xunit;

namespace Ctem.Core.Tests.Model;

public sealed class EcosystemsTests
{
    public static TheoryData<string, string, string?, string> Purls => new()
    {
        { "npm", "@babel/core", "7.0.0", "pkg:npm/%40babel/core@7.0.0" },
        { "npm", "lodash", "4.17.21", "pkg:npm/lodash@4.17.21" },
        { "Maven", "org.apache.avro:avro", "1.11.1", "pkg:maven/org.apache.avro/avro@1.11.1" },
        { "Go", "golang.org/x/net", "v0.1.0", "pkg:golang/golang.org/x/net@v0.1.0" },
        { "Go", "stdlib", "1.21.0", "pkg:golang/stdlib@1.21.0" },
        { "PyPI", "Django", "3.2.9", "pkg:pypi/django@3.2.9" },
        { "crates.io", "remove_dir_all", "0.5.3", "pkg:cargo/remove_dir_all@0.5.3" },
        { "NuGet", "Newtonsoft.Json", "13.0.1", "pkg:nuget/Newtonsoft.Json@13.0.1" },
        { "Packagist", "symfony/http-kernel", "v5.4.0", "pkg:composer/symfony/http-kernel@v5.4.0" },
        { "RubyGems", "rails", null, "pkg:gem/rails" },
        { "Debian:10", "unixodbc", "2.3.11-2", "pkg:deb/debian/unixodbc@2.3.11-2?distro=debian-10" },
        { "Debian", "curl", "7.88.1", "pkg:deb/debian/curl@7.88.1" },
        { "Ubuntu:22.04:LTS", "openssl", "3.0.2-0ubuntu1.10", "pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.10?distro=ubuntu-22.04" },
        { "Alpine:v3.20", "openssl", "3.3.1-r0", "pkg:apk/alpine/openssl@3.3.1-r0?distro=alpine-3.20" },
        { "Wolfi", "glibc", "2.39-r5", "pkg:apk/wolfi/glibc@2.39-r5" },
    };

    [Theory]
    [MemberData(nameof(Purls))]
    public void PurlOf_OsvPackage_GivesPurl(string ecosystem, string name, string? version, string expected) =>
        Assert.Equal(expected, Ecosystems.PurlOf(ecosystem, name, version)?.ToString());

    // Each purl must map back to the ecosystem and name it was built from, or there is none.
    [Theory]
    [InlineData("Red Hat:8", "openssl")]
    [InlineData("Ubuntu:Pro:18.04", "openssl")]
    [InlineData("Linux", "kernel")]
    [InlineData("GIT", "https://github.com/madler/zlib")]
    [InlineData("Maven", "no-group-id")]
    [InlineData("npm:extra", "lodash")]
    [InlineData("Nonexistent", "x")]
    public void PurlOf_UnmappedEcosystemOrName_IsNull(string ecosystem, string name) =>
        Assert.Null(Ecosystems.PurlOf(ecosystem, name, "1.0"));

    [Theory]
    [MemberData(nameof(PackageUrlTests.PackageKeys), MemberType = typeof(PackageUrlTests))]
    public void PurlOf_RoundTripsWithFromPurl(string purl, string? ecosystem, string name)
    {
        _ = purl;
        var built = Ecosystems.PurlOf(ecosystem!, name, "1.0");
        Assert.NotNull(built);
        Assert.Equal(ecosystem, Ecosystems.FromPurl(built));
        Assert.Equal(name, Ecosystems.NormalizeName(ecosystem!, Ecosystems.PackageNameOf(built)));
    }
}
