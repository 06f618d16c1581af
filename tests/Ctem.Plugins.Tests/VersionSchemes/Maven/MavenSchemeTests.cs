using Ctem.Plugins.VersionSchemes.Maven;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.VersionSchemes.Maven;

public sealed class MavenSchemeTests
{
    public static TheoryData<string, int, string> Cases => new()
    {
        { "1.0-alpha-1", -1, "1.0" },
        { "1.0-alpha-1", -1, "1.0-beta-1" },
        { "1.0-beta-1", -1, "1.0-SNAPSHOT" },
        { "1.0-SNAPSHOT", -1, "1.0" },
        { "1.0", -1, "1.0-sp" },
        { "1.0-sp", -1, "1.0-1" },
        { "1.0-1", -1, "1.0.1" },
        { "1.0-rc1", 0, "1.0-CR1" },
        { "1.0.RELEASE", 0, "1.0" },
        { "1.0.Final", 0, "1-ga" },
        { "1a1", 0, "1-alpha-1" },
        { "1m3", 0, "1-milestone-3" },
        { "1a", 0, "1-a" },
        { "1-a", 1, "1-sp" },
        { "2.0.1-klm", -1, "2.0.1-lmn" },
        { "2.0.1-xyz", -1, "2.0.1-123" },
        { "1.0.0", 0, "1" },
        { "1.01", 0, "1.1" },
        { "1..1", 0, "1.0.1" },
        { "2.0.a", -1, "2.0.0.a" },
        { "99999999999999999999.1", 1, "99999999999999999998.9" },
        { "1.2147483648", 1, "1.2147483647" },
    };

    // "ga", "final" and "release" equal the empty qualifier, so after a hyphen they open a sub-list that starts with
    // nothing; what follows must still count (MNG-6964: a list compares with nothing item by item). Expectations
    // from maven-artifact 3.8.7's ComparableVersion (Debian's maven package); none involves MNG-7644.
    public static TheoryData<string, int, string> ReleaseQualifierCases => new()
    {
        { "1.0-GA", 0, "1.0-final" },
        { "1.0-final", 0, "1.0-release" },
        { "1.0-release", 0, "1.0" },
        { "1-ga.1", 1, "1" },
        { "1.0-final.1", 1, "1.0" },
        { "1.0-release.2", 1, "1.0" },
        { "1-0.1", 1, "1" },
        { "1-final-0.1", 1, "1" },
        { "1-ga.1", -1, "1-ga.2" },
        { "1-ga.1", -1, "1.1" },
        { "1-ga.1", -1, "1-sp" },
        { "1-ga-1", -1, "1-1" },
        { "1-ga.alpha", -1, "1" },
        { "1-ga.rc1", -1, "1" },
        { "1-release.sp", 1, "1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    [MemberData(nameof(ReleaseQualifierCases))]
    public void Compare_Table_OrdersAsMaven(string left, int expected, string right)
    {
        Assert.Equal(expected, Compare(left, right));
        Assert.Equal(-expected, Compare(right, left));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1.0 beta")]
    public void TryParse_NotAVersion_ReportsError(string text)
    {
        Assert.False(MavenScheme.Instance.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [SkippableTheory]
    [InlineData("maven-versions.txt")]
    [InlineData("maven-versions-generated.txt")]
    public void Compare_SharedMavenVectors_AllPass(string file)
    {
        RepoPaths.RequireShared();
        var vectors = VersionVectors.Read(RepoPaths.SharedVectors("version-ordering", "osv-scalibr", file));
        Assert.NotEmpty(vectors);
        var failures = SchemeAssert.VectorFailures(MavenScheme.Instance, vectors);
        Assert.Empty(failures);
    }

    [SkippableFact]
    public void Compare_VersSpecMavenCases_AllHold()
    {
        RepoPaths.RequireShared();
        var cases = VersSpecVectors.ReadComparisons(RepoPaths.SharedVectors("vers", "vers-spec", "tests", "maven_version_cmp_test.json"));
        Assert.NotEmpty(cases);
        var failures = SchemeAssert.VersFailures(MavenScheme.Instance, cases);
        Assert.Empty(failures);
    }

    private static int Compare(string left, string right) => SchemeAssert.Order(MavenScheme.Instance, left, right);
}
