using Ctem.Plugins.VersionSchemes.Hackage;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.VersionSchemes.Hackage;

public sealed class HackageSchemeTests
{
    public static TheoryData<string, int, string> Cases => new()
    {
        { "1.0", -1, "1.0.0" },
        { "1.0.0", -1, "1.0.0.0" },
        { "1.1", 1, "1.0.9" },
        { "0.10", 1, "0.9" },
        { "1.2.3", 0, "1.2.3" },
        { " 1.2.3 ", 0, "1.2.3" },
        { "1.02", 0, "1.2" },
        { "2", 1, "1.99.99" },
        { "18446744073709551616.0", 1, "18446744073709551615.0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compare_Table_OrdersAsDataVersion(string left, int expected, string right)
    {
        Assert.Equal(expected, Compare(left, right));
        Assert.Equal(-expected, Compare(right, left));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.0-beta")]
    [InlineData("1..0")]
    [InlineData("1.0.")]
    [InlineData("v1.0")]
    [InlineData("-1")]
    public void TryParse_NotAVersion_ReportsError(string text)
    {
        Assert.False(HackageScheme.Instance.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [SkippableFact]
    public void Compare_SharedHackageVectors_AllPass()
    {
        RepoPaths.RequireShared();
        var vectors = VersionVectors.Read(RepoPaths.SharedVectors("version-ordering", "osv-scalibr", "hackage-versions.txt"));
        Assert.NotEmpty(vectors);
        var failures = SchemeAssert.VectorFailures(HackageScheme.Instance, vectors);
        Assert.Empty(failures);
    }

    private static int Compare(string left, string right) => SchemeAssert.Order(HackageScheme.Instance, left, right);
}
