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
    public void Parse_Invalid_ReturnsError(string text) => Assert.False(PackageUrl.Parse(text).Success);

    public static TheoryData<string, string?, string> PackageKeys => new()
    {
        { "pkg:pypi/Django_REST.framework@1.0", "PyPI", "django-rest-framework" },
        { "pkg:nuget/Newtonsoft.Json@13.0.1", "NuGet", "newtonsoft.json" },
        { "pkg:golang/golang.org/x/net@v0.1.0", "Go", "golang.org/x/net" },
        { "pkg:maven/org.yaml/snakeyaml@1.0", "Maven", "org.yaml:snakeyaml" },
        { "pkg:npm/%40babel/core@7.0.0", "npm", "@babel/core" },
    };

    [Theory]
    [MemberData(nameof(PackageKeys))]
    public void PackageKey_FromPurl_UsesOsvSpelling(string purl, string? ecosystem, string name)
    {
        var component = new Component("x", null, PackageUrl.Parse(purl).Value, null, new SourceLocation("sbom.json", null));
        Assert.Equal(new PackageKey(ecosystem!, name), component.PackageKey);
    }
}
