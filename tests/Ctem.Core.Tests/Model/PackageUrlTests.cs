using Ctem.Core.Model;
using Xunit;

namespace Ctem.Core.Tests.Model;

public sealed class PackageUrlTests
{
    public static TheoryData<string, string, string?, string, string?, string> Valid => new()
    {
        { "pkg:golang/github.com/elastic/harp@v0.2.10?type=module#cmd/harp", "golang", "github.com/elastic", "harp", "v0.2.10", "pkg:golang/github.com/elastic/harp@v0.2.10" },
        { "pkg:npm/%40angular/core@12.0.0", "npm", "@angular", "core", "12.0.0", "pkg:npm/%40angular/core@12.0.0" },
        { "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "maven", "org.apache.logging.log4j", "log4j-core", "2.14.1", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1" },
        { "PKG:Cargo/serde@1.0.0", "cargo", null, "serde", "1.0.0", "pkg:cargo/serde@1.0.0" },
        { "pkg:pypi/django", "pypi", null, "django", null, "pkg:pypi/django" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_Valid_SplitsComponents(string text, string type, string? ns, string name, string? version, string coordinates)
    {
        var result = PackageUrl.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(type, result.Value.Type);
        Assert.Equal(ns, result.Value.Namespace);
        Assert.Equal(name, result.Value.Name);
        Assert.Equal(version, result.Value.Version);
        Assert.Equal(coordinates, result.Value.ToCoordinates());
    }

    [Theory]
    [InlineData("npm/left-pad@1.0.0")]
    [InlineData("pkg:npm")]
    [InlineData("pkg:/left-pad")]
    [InlineData("pkg:n&m/left-pad")]
    [InlineData("EnterpriseLibrary.Common@6.0.1304")]
    [InlineData("pkg:EnterpriseLibrary.Common@6.0.1304")]
    [InlineData("pkg%3Amaven/org.apache.commons/io")]
    [InlineData("pkg:3nginx/nginx@0.8.9")]
    [InlineData("pkg:nginx:a/nginx@0.8.9")]
    [InlineData("pkg:npm/myartifact@1.0.0?in%20production=true")]
    [InlineData("pkg:maven/@1.3.4")]
    [InlineData("pkg:swift/github.com/Alamofire/@5.4.3")]
    [InlineData("pkg:swift/Alamofire@5.4.3")]
    [InlineData("pkg:vcpkg/boost/asio@1.84.0")]
    [InlineData("pkg:otp/namespace/hex@2.1.1")]
    [InlineData("pkg:cpan/URI::PackageURL")]
    [InlineData("pkg:julia/Dates")]
    [InlineData("pkg:chrome-extension/dogs")]
    [InlineData("pkg:chrome-extension/dlpngalgnefjeiefhmpklpfiohadpglk@1.2.3-beta")]
    [InlineData("pkg:npm/foo@1.0%2")]
    [InlineData("pkg:npm/foo?a=1&a=2")]
    public void Parse_Invalid_ReturnsError(string text)
    {
        var result = PackageUrl.Parse(text);
        Assert.False(result.Success);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    /// <summary>Representative cases copied from the purl-spec suites: input, then its canonical form.</summary>
    public static TheoryData<string, string> Canonical => new()
    {
        { "pkg:PYPI/Django_package@1.11.1.dev1", "pkg:pypi/django-package@1.11.1.dev1" },
        { "pkg:GOLANG/google.golang.org/genproto@abcdedf#/googleapis/api/annotations/", "pkg:golang/google.golang.org/genproto@abcdedf#googleapis/api/annotations" },
        { "pkg:GOLANG/google.golang.org/genproto@abcdedf#/googleapis/%2E%2E/api/./annotations/", "pkg:golang/google.golang.org/genproto@abcdedf#googleapis/api/annotations" },
        { "pkg:bitbucket/birKenfeld/pyGments-main@244fd47e07d1014f0aed9c", "pkg:bitbucket/birkenfeld/pygments-main@244fd47e07d1014f0aed9c" },
        { "pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?classifier=sources&repositorY_url=https://repo.spring.io/release", "pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?classifier=sources&repository_url=https:%2F%2Frepo.spring.io%2Frelease" },
        { "pkg:maven/mygroup/myartifact@1.0.0%20Final?mykey=my%20value", "pkg:maven/mygroup/myartifact@1.0.0%20Final?mykey=my%20value" },
        { "pkg:///maven/org.apache.commons/io", "pkg:maven/org.apache.commons/io" },
        { "pkg:docker/customer/dockerimage@sha256%3A244fd47e07d1004f0aed9c?repository_url=gcr.io", "pkg:docker/customer/dockerimage@sha256:244fd47e07d1004f0aed9c?repository_url=gcr.io" },
        { "pkg:npm/@babel/core#/googleapis/api/annotations/", "pkg:npm/%40babel/core#googleapis/api/annotations" },
        { "pkg:brew/node@20@20.10.0", "pkg:brew/node%4020@20.10.0" },
        { "pkg:cocoapods/GoogleUtilities@7.5.2#NSData+zlib", "pkg:cocoapods/GoogleUtilities@7.5.2#NSData%2Bzlib" },
        { "pkg:conan/openssl.org/openssl@3.0.3?user=bincrafters&channel=stable", "pkg:conan/openssl.org/openssl@3.0.3?channel=stable&user=bincrafters" },
        { "pkg:huggingface/EleutherAI/gpt-neo-1.3B@797174552AE47F449AB70B684CABCB6603E5E85E", "pkg:huggingface/EleutherAI/gpt-neo-1.3B@797174552ae47f449ab70b684cabcb6603e5e85e" },
        { "pkg:mlflow/CreditFraud@3?repository_url=https://adb-5245952564735461.0.azuredatabricks.net/api/2.0/mlflow", "pkg:mlflow/creditfraud@3?repository_url=https:%2F%2Fadb-5245952564735461.0.azuredatabricks.net%2Fapi%2F2.0%2Fmlflow" },
        { "pkg:git/github/Package-url/purl-Spec@244fd47e07d1004f0aed9c", "pkg:git/github/package-url/purl-spec@244fd47e07d1004f0aed9c" },
        { "pkg:generic/bitwarderl?vcs_url=git%2Bhttps://git.fsfe.org/dxtr/bitwarderl%40cc55108da32", "pkg:generic/bitwarderl?vcs_url=git%2Bhttps:%2F%2Fgit.fsfe.org%2Fdxtr%2Fbitwarderl%40cc55108da32" },
        { "pkg:rpm/fedora/curl@7.50.3-1.fc25?arch=i386&empty=&distro=fedora-25", "pkg:rpm/fedora/curl@7.50.3-1.fc25?arch=i386&distro=fedora-25" },
        { "pkg:nuget/%E5%8F%B2wpf@1.0.3", "pkg:nuget/%E5%8F%B2wpf@1.0.3" },
    };

    [Theory]
    [MemberData(nameof(Canonical))]
    public void Parse_Table_ToStringIsCanonicalAndStable(string text, string canonical)
    {
        var result = PackageUrl.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(canonical, result.Value.ToString());
        Assert.Equal(canonical, PackageUrl.ParseStrict(canonical).Value?.ToString());
    }

    [Fact]
    public void Parse_GitPurl_KeepsTheRepositoryPathAsName()
    {
        var purl = PackageUrl.Parse("pkg:git/codeberg.org/forgejo/forgejo@a72d2c07cfca03b55371089de6aa230d8c951fa0#options/locale_readme.md").Value!;
        Assert.Equal(("codeberg.org", "forgejo/forgejo", "options/locale_readme.md"), (purl.Namespace, purl.Name, purl.Subpath));
    }

    [Fact]
    public void Parse_DecodedComponents()
    {
        var purl = PackageUrl.Parse("pkg:maven/mygroup/myartifact@1.0.0%20Final?mykey=my%20value&Repository_URL=https://x.org/a#src/%41").Value!;
        Assert.Equal("1.0.0 Final", purl.Version);
        Assert.Equal(new Dictionary<string, string> { ["mykey"] = "my value", ["repository_url"] = "https://x.org/a" }, purl.Qualifiers);
        Assert.Equal("src/A", purl.Subpath);
    }

    [Theory]
    [InlineData("pkg:gem/jruby-launcher@1.1.2?Platform=java", "pkg:gem/jruby-launcher@1.1.2?platform=java")]
    [InlineData("pkg:Rpm/fedora/curl@7.50.3-1.fc25?Arch=i386&Distro=fedora-25", "pkg:rpm/fedora/curl@7.50.3-1.fc25?arch=i386&distro=fedora-25")]
    public void ParseStrict_UpperCaseQualifierKey_FailsWhereParseRemedies(string text, string canonical)
    {
        Assert.False(PackageUrl.ParseStrict(text).Success);
        Assert.Equal(canonical, PackageUrl.Parse(text).Value?.ToString());
    }

    [Fact]
    public void Parse_GoWithoutNamespace_LenientAcceptsStrictRefuses()
    {
        // stdlib as OSV names it, and one-element module paths (found in review: go.pinniped.dev never matched).
        Assert.Equal("pkg:golang/stdlib@1.22.1", PackageUrl.Parse("pkg:golang/stdlib@1.22.1").Value?.ToString());
        Assert.Equal("pkg:golang/go.pinniped.dev@v0.10.0", PackageUrl.Parse("pkg:golang/go.pinniped.dev@v0.10.0").Value?.ToString());
        Assert.False(PackageUrl.ParseStrict("pkg:golang/stdlib@1.22.1").Success);
    }

    [Fact]
    public void Create_Components_BuildsCanonicalForm()
    {
        var qualifiers = new Dictionary<string, string>
        {
            ["repository_url"] = "https://github.com/HolyLab/HolyLabRegistry",
            ["uuid"] = "ac24ea0c-1830-11e9-18d4-81f172323054",
            ["Empty"] = string.Empty,
        };

        var result = PackageUrl.Create("julia", null, "RegisterQD", "0.3.1", qualifiers, "/a/./b/");

        Assert.True(result.Success, result.Error);
        Assert.Equal(
            "pkg:julia/RegisterQD@0.3.1?repository_url=https:%2F%2Fgithub.com%2FHolyLab%2FHolyLabRegistry&uuid=ac24ea0c-1830-11e9-18d4-81f172323054#a/b",
            result.Value.ToString());
        Assert.Equal("pkg:swift/github.com/Alamofire/Alamofire@5.4.3", PackageUrl.Create("swift", "github.com/Alamofire", "Alamofire", "5.4.3", null, null).Value?.ToString());
    }

    public static TheoryData<string?, string?, string?, Dictionary<string, string>?> InvalidComponents => new()
    {
        { null, null, "nginx", null },
        { "3nginx", null, "nginx", null },
        { "maven", null, null, null },
        { "julia", null, string.Empty, new() { ["uuid"] = "ade2ca70-3891-5945-98fb-dc099432e06a" } },
        { "npm", null, "myartifact", new() { ["in production"] = "true" } },
        { "cpan", "GDT", "URI::PackageURL", null },
        { "vscode-extension", null, "java", null },
        { "vcpkg", "boost", "asio", null },
    };

    [Theory]
    [MemberData(nameof(InvalidComponents))]
    public void Create_InvalidComponents_ReturnsError(string? type, string? ns, string? name, Dictionary<string, string>? qualifiers)
    {
        var result = PackageUrl.Create(type, ns, name, "1.0", qualifiers, null);
        Assert.False(result.Success);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    public static TheoryData<string, string?, string> PackageKeys => new()
    {
        { "pkg:pypi/Django_REST.framework@1.0", "PyPI", "django-rest-framework" },
        { "pkg:nuget/Newtonsoft.Json@13.0.1", "NuGet", "newtonsoft.json" },
        { "pkg:golang/golang.org/x/net@v0.1.0", "Go", "golang.org/x/net" },
        { "pkg:maven/org.yaml/snakeyaml@1.0", "Maven", "org.yaml:snakeyaml" },
        { "pkg:npm/%40babel/core@7.0.0", "npm", "@babel/core" },
        { "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl", "Debian:12", "openssl" },
        { "pkg:deb/debian/bash@5.2.15-2?distro=debian-12.5", "Debian:12", "bash" },
        { "pkg:deb/ubuntu/zlib1g@1:1.2.11?distro=ubuntu-22.04&upstream=zlib%401%3A1.2.11.dfsg-2", "Ubuntu:22.04", "zlib" },
        { "pkg:deb/debian/curl@7.88.1", "Debian", "curl" },
        { "pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=x86_64&distro=alpine-3.19.1&upstream=openssl", "Alpine:v3.19", "openssl" },
        { "pkg:apk/wolfi/glibc@2.39-r5?arch=x86_64&upstream=glibc", "Wolfi", "glibc" },
        { "pkg:deb/debian/libssl3@3.0.11-1?upstream=openssl&distro=debian-bookworm", "Debian:12", "openssl" },
        { "pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.10?distro=ubuntu-jammy", "Ubuntu:22.04", "openssl" },
    };

    // Found in review: OSV names Ubuntu LTS releases "Ubuntu:22.04:LTS", so no Ubuntu LTS package ever matched.
    [Theory]
    [InlineData("Ubuntu:22.04:LTS", "Ubuntu:22.04")]
    [InlineData("Ubuntu:Pro:18.04:LTS", "Ubuntu:Pro:18.04")]
    [InlineData("Ubuntu:23.10", "Ubuntu:23.10")]
    [InlineData("Debian:12", "Debian:12")]
    public void AffectedKey_OsvEcosystem_MeetsPackageEcosystem(string osvEcosystem, string expected) =>
        Assert.Equal(expected, new AffectedPackage(osvEcosystem, "openssl", null, [], []).Key.Ecosystem);

    [Theory]
    [InlineData("pkg:deb/ubuntu/zlib1g@1:1.2.11.dfsg-2ubuntu9?distro=ubuntu-22.04&upstream=zlib%401%3A1.2.11.dfsg-2ubuntu9.2", "1:1.2.11.dfsg-2ubuntu9.2")]
    [InlineData("pkg:deb/debian/libssl3@3.0.11-1~deb12u2?upstream=openssl", "3.0.11-1~deb12u2")]
    [InlineData("pkg:npm/lodash@4.17.21?upstream=other%401.0.0", "4.17.21")]
    public void MatchVersion_DistributionPackage_PrefersSourceVersion(string purl, string expected)
    {
        var component = new Component("x", null, PackageUrl.Parse(purl).Value, null, new SourceLocation("sbom.json", null));
        Assert.Equal(expected, component.MatchVersion);
    }

    [Theory]
    [MemberData(nameof(PackageKeys))]
    public void PackageKey_FromPurl_UsesOsvSpelling(string purl, string? ecosystem, string name)
    {
        var component = new Component("x", null, PackageUrl.Parse(purl).Value, null, new SourceLocation("sbom.json", null));
        Assert.Equal(new PackageKey(ecosystem!, name), component.PackageKey);
    }
}
