using Ctem.Plugins.VersionSchemes.Pub;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.VersionSchemes.Pub;

public sealed class PubSchemeTests
{
    public static TheoryData<string, int, string> Cases => new()
    {
        { "1.0.0-alpha", -1, "1.0.0-alpha.1" },
        { "1.0.0-beta.2", -1, "1.0.0-beta.11" },
        { "1.0.0-rc.1", -1, "1.0.0" },
        { "1.0.0-alpha.beta", 1, "1.0.0-alpha.1" },
        { "1.0.0", -1, "1.0.0+build" },
        { "1.0.0-pre+build", -1, "1.0.0" },
        { "1.0.0-pre", -1, "1.0.0-pre+build" },
        { "1.2.3+1", -1, "1.2.3+2" },
        { "1.2.3+900", -1, "1.2.3+a" },
        { "1.2.3+a", -1, "1.2.3+a1" },
        { "1.2.3+01", 0, "1.2.3+1" },
        { "1.2.3+0x10", 0, "1.2.3+16" },
        { "1.2.3-x.-1", -1, "1.2.3-x.0" },
        { "v1.2.3", 0, "1.2.3" },
        { "0.10.0", 1, "0.9.0" },
        { "18446744073709551616.0.0", 1, "18446744073709551615.0.0" },
        { "1.0.0-a.18446744073709551616", 1, "1.0.0-a.18446744073709551615" },
    };

    // Identifiers at and beyond 64 bits. pub_semver's _splitParts keeps a part as a number when Dart's int.tryParse
    // reads it, which on the VM (sdk/lib/_internal/vm/lib/integers_patch.dart) means a signed 64-bit decimal, or a
    // "0x" hex number up to 2^64-1 that wraps into the negative range; anything larger stays a string, and strings
    // sort after numbers and among themselves by code unit (lib/src/version.dart, _compareLists). No Dart runtime is
    // at hand, so these expectations are read from those two files.
    public static TheoryData<string, int, string> SixtyFourBitCases => new()
    {
        { "1.0.0-9223372036854775807", 1, "1.0.0-9223372036854775806" },
        { "1.0.0-9223372036854775808", 1, "1.0.0-9223372036854775807" },
        { "1.0.0-9223372036854775808", -1, "1.0.0-a" },
        { "1.0.0-18446744073709551616", -1, "1.0.0-9223372036854775808" },
        { "1.0.0-x.-9223372036854775808", -1, "1.0.0-x.-9223372036854775807" },
        { "1.0.0-x.-9223372036854775809", 1, "1.0.0-x.0" },
        { "1.0.0-0xFFFFFFFFFFFFFFFF", -1, "1.0.0-0" },
        { "1.0.0-0xffffffffffffffff", 0, "1.0.0--1" },
        { "1.0.0-0x8000000000000000", 0, "1.0.0--9223372036854775808" },
        { "1.0.0--0x8000000000000000", 0, "1.0.0--9223372036854775808" },
        { "1.0.0--0x8000000000000001", 1, "1.0.0-0" },
        { "1.0.0-0x10000000000000000", 1, "1.0.0-0" },
        { "1.0.0-0x10000000000000000", -1, "1.0.0-a" },
        { "1.0.0-0x", 1, "1.0.0-0" },
        { "1.0.0+9223372036854775808", 1, "1.0.0+9223372036854775807" },
        { "99999999999999999999.0.0", 1, "9223372036854775807.0.0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    [MemberData(nameof(SixtyFourBitCases))]
    public void Compare_Table_OrdersAsPub(string left, int expected, string right)
    {
        Assert.Equal(expected, Compare(left, right));
        Assert.Equal(-expected, Compare(right, left));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("1.0.0-")]
    [InlineData("1.0.0+")]
    [InlineData("1.0.0-al..pha")]
    [InlineData("1.0.0-al_pha")]
    public void TryParse_NotAVersion_ReportsError(string text)
    {
        Assert.False(PubScheme.Instance.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [SkippableFact]
    public void Compare_SharedPubVectors_AllPass()
    {
        RepoPaths.RequireShared();
        var vectors = VersionVectors.Read(RepoPaths.SharedVectors("version-ordering", "osv-scalibr", "pub-versions.txt"));
        Assert.NotEmpty(vectors);
        var failures = SchemeAssert.VectorFailures(PubScheme.Instance, vectors);
        Assert.Empty(failures);
    }

    private static int Compare(string left, string right) => SchemeAssert.Order(PubScheme.Instance, left, right);
}
