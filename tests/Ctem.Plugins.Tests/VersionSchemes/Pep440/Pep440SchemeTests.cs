using Ctem.Plugins.VersionSchemes.Pep440;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.VersionSchemes.Pep440;

public sealed class Pep440SchemeTests
{
    public static TheoryData<string, int, string> Cases => new()
    {
        { "1.0", 0, "1.0.0" },
        { "1.0", 0, "v1.0" },
        { " 1.0 ", 0, "1.0" },
        { "1!0.1", 1, "2.0" },
        { "0!1.0", 0, "1.0" },
        { "1.0.dev0", -1, "1.0a0" },
        { "1.0a1", -1, "1.0b1" },
        { "1.0b2", -1, "1.0rc1" },
        { "1.0rc1", -1, "1.0" },
        { "1.0alpha1", 0, "1.0a1" },
        { "1.0-beta.1", 0, "1.0b1" },
        { "1.0c1", 0, "1.0rc1" },
        { "1.0pre1", 0, "1.0rc1" },
        { "1.0preview1", 0, "1.0RC1" },
        { "1.0a", 0, "1.0a0" },
        { "1.0-1", 0, "1.0.post1" },
        { "1.0rev1", 0, "1.0.post1" },
        { "1.0r1", 0, "1.0_post_1" },
        { "1.0.post", 0, "1.0.post0" },
        { "1.0", -1, "1.0.post0" },
        { "1.0.post1.dev1", -1, "1.0.post1" },
        { "1.0.post1", -1, "1.1.dev0" },
        { "1.0.DEV", 0, "1.0.dev0" },
        { "1.0", -1, "1.0+local" },
        { "1.0+abc.5", -1, "1.0+abc.10" },
        { "1.0+abc", -1, "1.0+5" },
        { "1.0+ABC-1", 0, "1.0+abc_1" },
        { "1.0+abc", -1, "1.0+abc.1" },
        { "1.0+07", 0, "1.0+7" },
        { "1.0+local", -1, "1.0.post1" },
        { "1.10", 1, "1.9" },
        { "99999999999999999999999.0", 1, "99999999999999999999998.0" },
        { "0.9-doduo", -1, "0.0.1" },
        { "0.1-bulbasaur", -1, "0.1-charmander" },
        { "1.0.x", -1, "1.0.y" },
        { "2013-01-21T20:33:09+0100", -1, "2013-01-23T17:11:52+0100" },
        { "1.0-final-foo", 1, "1.0-rc-foo" },
    };

    // Legacy versions of arbitrary text, ordered as packaging 21.3's LegacyVersion (_legacy_cmpkey) orders them;
    // expectations from packaging 21.3 (the copy pip 23.2 vendors). Its key keeps what a plain reading would not: white
    // space is a part of its own, numbers are padded to eight digits only (so 123456789 sorts below 99999999), digits
    // of other scripts are words, and "İ" lowers to two characters.
    public static TheoryData<string, int, string> LegacyCases => new()
    {
        { "latest", -1, "0.0.1" },
        { "latest", -1, "trunk" },
        { "-class.-jw.util.version.Version-", -1, "latest" },
        { "***", -1, "latest" },
        { "a:b", -1, "a-b" },
        { "1.0 beta", 1, "1.0 alpha" },
        { "1.0 beta", -1, "1.0" },
        { "1.0 beta", -1, "1.0beta" },
        { "1.0@dev", -1, "1.0~dev" },
        { "1.0.x", 1, "1.0-x" },
        { "2.0-x", 1, "1.0 x" },
        { "foo-final", 1, "foo" },
        { "r-123456789", -1, "r-99999999" },
        { "2013-01-21T20:33:09+0100", -1, "2013-01-21T20:33:09+0200" },
        { " 1.0x", -1, "1.0x" },
        { "1.0x ", -1, "1.0x" },
        { "1.0\u212A", 0, "1.0k" },
        { "\u0661.\u0662", -1, "1.2" },
        { "\u0661.\u0662", -1, "\u0662.\u0661" },
        { "1\u0661", -1, "1" },
        { "\u0130" + "1", -1, "i1" },
        { "\u0130" + "1", -1, "i2" },
        { "\U0001D7CE", 1, "\uFFFF" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    [MemberData(nameof(LegacyCases))]
    public void Compare_Table_OrdersAsPep440(string left, int expected, string right)
    {
        Assert.Equal(expected, Compare(left, right));
        Assert.Equal(-expected, Compare(right, left));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u001c\t")]
    public void TryParse_NotAVersion_ReportsError(string text)
    {
        Assert.False(Pep440Scheme.Instance.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [SkippableTheory]
    [InlineData("pypi-versions.txt")]
    [InlineData("pypi-versions-generated.txt")]
    public void Compare_SharedPypiVectors_AllPass(string file)
    {
        RepoPaths.RequireShared();
        var vectors = VersionVectors.Read(RepoPaths.SharedVectors("version-ordering", "osv-scalibr", file));
        Assert.NotEmpty(vectors);
        var failures = SchemeAssert.VectorFailures(Pep440Scheme.Instance, vectors);
        Assert.Empty(failures);
    }

    private static int Compare(string left, string right) => SchemeAssert.Order(Pep440Scheme.Instance, left, right);
}
