using Ctem.Plugins.VersionSchemes.RubyGems;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.VersionSchemes.RubyGems;

public sealed class RubyGemsSchemeTests
{
    public static TheoryData<string, int, string> Cases => new()
    {
        { "1.0", 0, "1" },
        { "1.0.0", 0, "1" },
        { " 1.2.3 ", 0, "1.2.3" },
        { "1.10", 1, "1.9" },
        { "1.0.a", -1, "1.0" },
        { "1.0.a", -1, "1.0.0.1" },
        { "1.0.0.rc1", -1, "1.0.0" },
        { "1.0.0.beta2", -1, "1.0.0.rc1" },
        { "1.0.0.rc1.0.0", 0, "1.0.0.rc1" },
        { "1.0.a.0", 0, "1.a" },
        { "0.5.0beta1", 0, "0.5.0.beta.1" },
        { "1.0.0.beta10", 1, "1.0.0.beta9" },
        { "1.0.0-rc1", 0, "1.0.0.pre.rc1" },
        { "1.0.0-1", -1, "1.0.0" },
        { "1.0.0.pre", -1, "1.0.0.rc" },
        { "1.0.0.B", -1, "1.0.0.a" },
        { "1.0.0.a", -1, "1.0.0.a1" },
        { "2.0.0.a", 1, "1.9.9" },
        { "18446744073709551616.0", 1, "18446744073709551615.0" },
        { "1.01", 0, "1.1" },
        { "1beta", -1, "1" },
        { "1beta", 0, "1.beta" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compare_Table_OrdersAsGemVersion(string left, int expected, string right)
    {
        Assert.Equal(expected, Compare(left, right));
        Assert.Equal(-expected, Compare(right, left));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("a.b")]
    [InlineData("v1.0")]
    [InlineData("1..2")]
    [InlineData("1.0.")]
    [InlineData("1.0 beta")]
    [InlineData("1.0_1")]
    public void TryParse_NotAVersion_ReportsError(string text)
    {
        Assert.False(RubyGemsScheme.Instance.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [SkippableTheory]
    [InlineData("rubygems-versions.txt")]
    [InlineData("rubygems-versions-generated.txt")]
    public void Compare_SharedRubyGemsVectors_AllPass(string file)
    {
        RepoPaths.RequireShared();
        var vectors = VersionVectors.Read(RepoPaths.SharedVectors("version-ordering", "osv-scalibr", file));
        Assert.NotEmpty(vectors);
        var failures = SchemeAssert.VectorFailures(RubyGemsScheme.Instance, vectors);
        Assert.Empty(failures);
    }

    private static int Compare(string left, string right) => SchemeAssert.Order(RubyGemsScheme.Instance, left, right);
}
