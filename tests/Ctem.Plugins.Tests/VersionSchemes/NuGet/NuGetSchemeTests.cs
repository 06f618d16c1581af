using Ctem.Plugins.VersionSchemes.NuGet;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.VersionSchemes.NuGet;

public sealed class NuGetSchemeTests
{
    public static TheoryData<string, int, string> Cases => new()
    {
        { "1.0", 0, "1.0.0.0" },
        { "1.0.01", 0, "1.0.1" },
        { "1.0.0", -1, "1.0.0.1" },
        { "1.0.0-BETA", 0, "1.0.0-beta" },
        { "1.0.0-beta+build.1", 0, "1.0.0-beta" },
        { "1.0.0-alpha", -1, "1.0.0-alpha.1" },
        { "1.0.0-beta.2", -1, "1.0.0-beta.11" },
        { "1.0.0-rc.1", -1, "1.0.0" },
        { "1.0.0-alpha.beta", 1, "1.0.0-alpha.1" },
        { "2.0.0", 1, "1.99.99.99" },
    };

    // Numbers beyond 32 and 64 bits. NuGet.Versioning 8.0 refuses a numeric part above 2^31-1, so those versions are
    // ordered by value as NuGet orders smaller parts; its pre-release labels count as numbers only within 32 bits and
    // compare as text beyond, which is kept (expectations for the labels from NuGet.Versioning 8.0's VersionComparer).
    public static TheoryData<string, int, string> BigNumberCases => new()
    {
        { "1.0.0.2147483648", 1, "1.0.0.2147483647" },
        { "18446744073709551616.0.0", 1, "18446744073709551615.0.0" },
        { "18446744073709551616", 0, "18446744073709551616.0.0.0" },
        { "1.99999999999999999999", 1, "1.99999999999999999998.5" },
        { "4294967296.0.0-beta", -1, "4294967296.0.0" },
        { "4294967296.0.0-beta", 1, "4294967295.0.0" },
        { "0004294967296.1", 0, "4294967296.1+build" },
        { "1.0.0-2147483648", 1, "1.0.0-2147483647" },
        { "1.0.0-2147483648", -1, "1.0.0-a" },
        { "1.0.0-2147483648", 1, "1.0.0-2" },
        { "1.0.0-10000000000", -1, "1.0.0-9999999999" },
        { "1.0.0-alpha.18446744073709551616", 1, "1.0.0-alpha.9" },
        { "1.0.0-alpha.18446744073709551616", -1, "1.0.0-alpha.B" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    [MemberData(nameof(BigNumberCases))]
    public void Compare_Table_OrdersAsNuGet(string left, int expected, string right)
    {
        Assert.Equal(expected, Compare(left, right));
        Assert.Equal(-expected, Compare(right, left));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1..2")]
    [InlineData("1.0.0-")]
    [InlineData("4294967296.0.0-")]
    [InlineData("4294967296.0.0.0.0")]
    [InlineData("4294967296..0")]
    [InlineData("-4294967296.0")]
    public void TryParse_NotAVersion_ReportsError(string text)
    {
        Assert.False(NuGetScheme.Instance.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [SkippableFact]
    public void Compare_SharedNuGetVectors_AllPass()
    {
        RepoPaths.RequireShared();
        var vectors = VersionVectors.Read(RepoPaths.SharedVectors("version-ordering", "osv-scalibr", "nuget-versions.txt"));
        Assert.NotEmpty(vectors);
        var failures = SchemeAssert.VectorFailures(NuGetScheme.Instance, vectors);
        Assert.Empty(failures);
    }

    [SkippableFact]
    public void Compare_VersSpecNuGetCases_AllHold()
    {
        RepoPaths.RequireShared();
        var cases = VersSpecVectors.ReadComparisons(RepoPaths.SharedVectors("vers", "vers-spec", "tests", "nuget_version_cmp_test.json"));
        Assert.NotEmpty(cases);
        var failures = SchemeAssert.VersFailures(NuGetScheme.Instance, cases);
        Assert.Empty(failures);
    }

    private static int Compare(string left, string right) => SchemeAssert.Order(NuGetScheme.Instance, left, right);
}
