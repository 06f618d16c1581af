using Ctem.Plugins.VersionSchemes.Alpine;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.VersionSchemes.Alpine;

public sealed class AlpineSchemeTests
{
    public static TheoryData<string, int, string> Cases => new()
    {
        { "1.0_alpha", -1, "1.0_beta" },
        { "1.0_beta", -1, "1.0_pre" },
        { "1.0_pre", -1, "1.0_rc" },
        { "1.0_rc", -1, "1.0" },
        { "1.0", -1, "1.0_cvs" },
        { "1.0_cvs", -1, "1.0_svn" },
        { "1.0_svn", -1, "1.0_git" },
        { "1.0_git", -1, "1.0_hg" },
        { "1.0_hg", -1, "1.0_p" },
        { "1.0_rc9", -1, "1.0_rc10" },
        { "1.0_rc1", 0, "1.0_rc01" },
        { "1.0-r9", -1, "1.0-r10" },
        { "1.0", 0, "1.0-r0" },
        { "1.2", -1, "1.2.1" },
        { "1.2", -1, "1.2a" },
        { "1.2a", -1, "1.2b" },
        { "1.2z", -1, "1.2.1" },
        { "1.9", -1, "1.10" },
        { "1.05", -1, "1.1" },
        { "1.05", -1, "1.5" },
        { "1.001", -1, "1.01" },
        { "01.1", 0, "1.1" },
        { "1.2.3~abc123-r1", 0, "1.2.3-r1" },
        { "18446744073709551616", 1, "18446744073709551615" },
        { "1.0-r18446744073709551616", 1, "1.0-r18446744073709551615" },
        { "1.0_p18446744073709551616", 1, "1.0_p18446744073709551615" },
        { "1.0", 1, "1.0_foo" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compare_Table_OrdersAsApk(string left, int expected, string right)
    {
        Assert.Equal(expected, Compare(left, right));
        Assert.Equal(-expected, Compare(right, left));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1.0 beta")]
    [InlineData("1.0\t-r1")]
    public void TryParse_NotAVersion_ReportsError(string text)
    {
        Assert.False(AlpineScheme.Instance.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Ecosystems_Always_ListApkDistributions()
    {
        Assert.Equal(["Alpine", "Wolfi", "Chainguard"], AlpineScheme.Instance.Ecosystems);
    }

    [SkippableTheory]
    [InlineData("version-ordering", "osv-scalibr", "alpine-versions.txt")]
    [InlineData("version-ordering", "osv-scalibr", "alpine-versions-generated.txt")]
    [InlineData("vers", "univers", "alpine_test.txt")]
    public void Compare_SharedAlpineVectors_AllPass(string folder, string source, string file)
    {
        RepoPaths.RequireShared();
        var vectors = VersionVectors.Read(RepoPaths.SharedVectors(folder, source, file));
        Assert.NotEmpty(vectors);
        var failures = SchemeAssert.VectorFailures(AlpineScheme.Instance, vectors);
        Assert.Empty(failures);
    }

    [SkippableFact]
    public void Compare_SharedVersSpecAlpineVectors_AllPass()
    {
        RepoPaths.RequireShared();
        var cases = VersSpecVectors.ReadComparisons(RepoPaths.SharedVectors("vers", "vers-spec", "tests", "alpine_version_cmp_test.json"));
        Assert.NotEmpty(cases);
        var failures = SchemeAssert.VersFailures(AlpineScheme.Instance, cases);
        Assert.Empty(failures);
    }

    private static int Compare(string left, string right) => SchemeAssert.Order(AlpineScheme.Instance, left, right);
}
