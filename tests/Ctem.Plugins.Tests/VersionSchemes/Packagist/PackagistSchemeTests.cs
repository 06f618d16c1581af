using Ctem.Plugins.VersionSchemes.Packagist;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.VersionSchemes.Packagist;

public sealed class PackagistSchemeTests
{
    public static TheoryData<string, int, string> Cases => new()
    {
        { "1.0-dev", -1, "1.0alpha1" },
        { "1.0a1", 0, "1.0alpha1" },
        { "1.0alpha1", -1, "1.0b1" },
        { "1.0beta1", -1, "1.0RC1" },
        { "1.0RC1", 0, "1.0rc1" },
        { "1.0rc1", -1, "1.0" },
        { "1.0", -1, "1.0pl1" },
        { "1.0-patch1", 0, "1.0pl1" },
        { "1.0", -1, "1.0.0" },
        { "1.0.0", -1, "1.0.1" },
        { "1.0.0-BETA1", -1, "1.0.0-dev" },
        { "1.0.0-ALPHA.1", 0, "1.0.0-BETA.1" },
        { "1.0.0-beta", -1, "1.0.0" },
        { "1.0.0-stable", -1, "1.0.0" },
        { "1.0_1", 0, "1.0+1" },
        { "1..2", 0, "1.2" },
        { "v1.2.3", 0, "1.2.3" },
        { "V1.2.3", 0, "v1.2.3" },
        { "1.02", 0, "1.2" },
        { "10", 1, "2" },
        { "18446744073709551616", 1, "18446744073709551615" },
    };

    // Characters php_canonicalize_version turns into separators or keeps in a word, on the UTF-8 bytes, and the
    // first character, which it keeps as it is; expectations from PHP 8.2's version_compare (ext/standard/versioning.c).
    public static TheoryData<string, int, string> CanonicalisedCases => new()
    {
        { "1.0@dev", -1, "1.0.dev" },
        { "1.0@dev", -1, "1.0" },
        { "1.0~beta", -1, "1.0-beta" },
        { "1.0~beta", -1, "1.0" },
        { "1.0 beta", -1, "1.0-beta" },
        { "1.0/2", -1, "1.0.2" },
        { "1.0:1", -1, "1.0.1" },
        { "1.0!!1", -1, "1.0.1" },
        { "1.0*rc1", -1, "1.0rc1" },
        { "1.0rc1", 0, "1.0.*rc1" },
        { "-1.0", -1, "1.0" },
        { "-1.0", -1, "0.1" },
        { "_1", -1, "1" },
        { "1.0\u00e9", -1, "1.0.x" },
        { "1.0\u00e91", -1, "1.0.1" },
        { "1.0-\u00e9", -1, "1.0" },
        { "1.0.#", -1, "1.0" },
        { "#1.0-beta", 0, "#1.0" },
        { "1.0pl1", 0, "1.0.p1" },
        { "1.0-DEV", -1, "1.0-dev" },
        { "1.0-Rc1", -1, "1.0" },
        { "1.0", 1, "1.0." },
        { "1.0.", -1, "1.0.0" },
        { "v", -1, "1" },
    };

    // Where version_compare contradicts itself, the documented total order (PackagistScheme): a trailing separator
    // equals itself and sorts below any continuation (PHP: "1.0-" < "1.0_" and "1.0_" < "1.0-"), and a word starting
    // with "#" sorts just below numbers (PHP: "1#" equals "1", "1.0" and "1.1").
    public static TheoryData<string, int, string> TotalOrderCases => new()
    {
        { "1.0-", 0, "1.0_" },
        { "1.0-", -1, "1.0-foo" },
        { "1#", 1, "1" },
        { "1#", -1, "1.0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    [MemberData(nameof(CanonicalisedCases))]
    [MemberData(nameof(TotalOrderCases))]
    public void Compare_Table_OrdersAsVersionCompare(string left, int expected, string right)
    {
        Assert.Equal(expected, Compare(left, right));
        Assert.Equal(-expected, Compare(right, left));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_NotAVersion_ReportsError(string text)
    {
        Assert.False(PackagistScheme.Instance.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [SkippableTheory]
    [InlineData("osv-scalibr", "packagist-versions.txt")]
    [InlineData("osv-scalibr", "packagist-versions-generated.txt")]
    [InlineData("osv.dev", "packagist_test_cases.txt")]
    public void Compare_SharedPackagistVectors_AllPass(string source, string file)
    {
        RepoPaths.RequireShared();
        var vectors = VersionVectors.Read(RepoPaths.SharedVectors("version-ordering", source, file));
        Assert.NotEmpty(vectors);
        var failures = SchemeAssert.VectorFailures(PackagistScheme.Instance, vectors);
        Assert.Empty(failures);
    }

    private static int Compare(string left, string right) => SchemeAssert.Order(PackagistScheme.Instance, left, right);
}
