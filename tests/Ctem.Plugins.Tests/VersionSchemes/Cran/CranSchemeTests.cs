using Ctem.Plugins.VersionSchemes.Cran;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.VersionSchemes.Cran;

public sealed class CranSchemeTests
{
    public static TheoryData<string, int, string> Cases => new()
    {
        { "0.1-2", -1, "0.2-2" },
        { "0.1-0", 0, "0.1.0" },
        { "0.01", 0, "0.1" },
        { "0.9", -1, "0.75" },
        { "0.1.0", -1, "0.1.0.0" },
        { "1.0", -1, "1.0.0" },
        { "1.0-10", 1, "1.0-9" },
        { " 1.2-3 ", 0, "1.2-3" },
        { "0.1.26.0", 1, "0" },
        { "2.0", 1, "1.99999999999999999999" },
        { "18446744073709551616.0", 1, "18446744073709551615.0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compare_Table_OrdersAsRPackageVersion(string left, int expected, string right)
    {
        Assert.Equal(expected, Compare(left, right));
        Assert.Equal(-expected, Compare(right, left));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.0a")]
    [InlineData("1..0")]
    [InlineData("1.0-")]
    [InlineData("-1.0")]
    [InlineData("v1.0")]
    [InlineData("1.0 2")]
    public void TryParse_NotAVersion_ReportsError(string text)
    {
        Assert.False(CranScheme.Instance.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [SkippableTheory]
    [InlineData("cran-versions.txt")]
    [InlineData("cran-versions-generated.txt")]
    public void Compare_SharedCranVectors_AllPass(string file)
    {
        RepoPaths.RequireShared();
        var vectors = VersionVectors.Read(RepoPaths.SharedVectors("version-ordering", "osv-scalibr", file));
        Assert.NotEmpty(vectors);
        var failures = SchemeAssert.VectorFailures(CranScheme.Instance, vectors);
        Assert.Empty(failures);
    }

    private static int Compare(string left, string right) => SchemeAssert.Order(CranScheme.Instance, left, right);
}
