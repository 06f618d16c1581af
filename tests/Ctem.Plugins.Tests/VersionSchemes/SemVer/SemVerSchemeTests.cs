using Ctem.Plugins.VersionSchemes.SemVer;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.VersionSchemes.SemVer;

public sealed class SemVerSchemeTests
{
    public static TheoryData<string, int, string> Cases => new()
    {
        { "1.0.0-alpha", -1, "1.0.0-alpha.1" },
        { "1.0.0-beta.2", -1, "1.0.0-beta.11" },
        { "1.0.0-rc.1", -1, "1.0.0" },
        { "v1.2.3", 0, "1.2.3" },
        { "1.2.3+build.5", 0, "1.2.3" },
        { "v2.0.0+incompatible", 0, "v2.0.0" },
        { "0.10.0", 1, "0.9.0" },
        { "1.2", 0, "1.2.0" },
        { "18446744073709551616.0.0", 1, "18446744073709551615.0.0" },
        { "v0.0.0-20210921155107-089bfa567519", -1, "v0.0.0" },
        { "v0.0.0-20210921155107-089bfa567519", 1, "v0.0.0-20200101000000-000000000000" },
        { "1.0.0-alpha.beta", 1, "1.0.0-alpha.1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compare_Table_OrdersAsSemVer(string left, int expected, string right)
    {
        Assert.Equal(expected, Compare(left, right));
        Assert.Equal(-expected, Compare(right, left));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3.4")]
    [InlineData("1..2")]
    [InlineData("1.0.0-")]
    [InlineData("1.0.0-al..pha")]
    public void TryParse_NotAVersion_ReportsError(string text)
    {
        Assert.False(SemVerScheme.Instance.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [SkippableFact]
    public void Compare_SharedSemverVectors_AllPass()
    {
        RepoPaths.RequireShared();
        var vectors = VersionVectors.Read(RepoPaths.SharedVectors("version-ordering", "osv-scalibr", "semver-versions.txt"));
        Assert.NotEmpty(vectors);
        var failures = SchemeAssert.VectorFailures(SemVerScheme.Instance, vectors);
        Assert.Empty(failures);
    }

    private static int Compare(string left, string right) => SchemeAssert.Order(SemVerScheme.Instance, left, right);
}
