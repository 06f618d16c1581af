using Ctem.Core.Versioning;
using Ctem.Plugins.VersionSchemes.SemVer;
using Xunit;

namespace Ctem.Core.Tests.Versioning;

public sealed class VersionOrderTests
{
    // Texts that SemVer ecosystems' advisories hold but SemVer cannot read (npm, Go and Bitnami records in
    // ../shared/data/osv), beside versions it can.
    private static readonly string[] Texts =
    [
        "2.0.x", "0.0.0alpha", "3.0.0a", "1.0.1116.6", "2019.03.04.00", "nightly.2026-03-10.0", "latest", "", " ",
        "1.0.0", "v1.0.0", "1.0.0-rc.1", "2.0.0", "18446744073709551616.0.0",
    ];

    public static TheoryData<string> Unreadable => new() { "2.0.x", "0.0.0alpha", "3.0.0a", "1.0.1116.6", "2019.03.04.00", "nightly.2026-03-10.0", "latest", "", " " };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Compare_SameTextNotSemVer_IsEqual(string text)
    {
        Assert.False(SemVerScheme.Instance.TryParse(text, out _, out _));
        Assert.Equal(0, VersionOrder.Compare(SemVerScheme.Instance, text, text));
    }

    [Theory]
    [InlineData("1.0.0", 0, "v1.0.0")]
    [InlineData("1.0.0-rc.1", -1, "1.0.0")]
    [InlineData("18446744073709551616.0.0", 1, "2.0.0")]
    [InlineData("18446744073709551616.0.0", -1, "2.0.x")]
    [InlineData("2.0.x", -1, "3.0.0a")]
    [InlineData("", -1, "latest")]
    public void Compare_Table_ReadableInSchemeOrderThenUnreadableByText(string left, int expected, string right)
    {
        Assert.Equal(expected, VersionOrder.Compare(SemVerScheme.Instance, left, right));
        Assert.Equal(-expected, VersionOrder.Compare(SemVerScheme.Instance, right, left));
    }

    [Fact]
    public void Compare_EveryTriple_IsATotalOrder()
    {
        int Order(string a, string b) => VersionOrder.Compare(SemVerScheme.Instance, a, b);
        foreach (var a in Texts)
        {
            foreach (var b in Texts)
            {
                Assert.Equal(Order(a, b), -Order(b, a));
                foreach (var c in Texts.Where(c => Order(a, b) <= 0 && Order(b, c) <= 0))
                {
                    Assert.True(Order(a, c) <= 0, $"{a} <= {b} <= {c} but not {a} <= {c}");
                }
            }
        }
    }
}
