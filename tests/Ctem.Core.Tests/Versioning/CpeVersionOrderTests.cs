using Ctem.Core.Versioning;
using Xunit;

namespace Ctem.Core.Tests.Versioning;

public sealed class CpeVersionOrderTests
{
    /// <summary>Cases: left, right, expected sign. Versions as banners and NVD's ranges spell them.</summary>
    public static TheoryData<string, string, int> Cases => new()
    {
        { "8.2p1", "9.3", -1 },
        { "9.3p1", "9.3", 1 },
        { "9.3p2", "9.3p1", 1 },
        { "9.3", "9.3", 0 },
        { "1.18.0", "1.9.15", 1 },
        { "2.4.41", "2.4.041", 0 },
        { "4.14.14", "4.15.0", -1 },
        { "2.4.0-rc1", "2.4.0", -1 },
        { "2.4.0", "2.4.0-beta", 1 },
        { "1.0.1", "1.0", 1 },
        { "2.8.94-0ubuntu1.4", "2.8.94", 1 },
        { "2022.83", "2020.81", 1 },
        { "1.0A", "1.0a", 0 },
        { "99999999999999999999.1", "99999999999999999998.9", 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compare_Case_OrdersAsReleasedAndIsAntisymmetric(string left, string right, int expected)
    {
        Assert.Equal((expected, -expected), (CpeVersionOrder.Compare(left, right), CpeVersionOrder.Compare(right, left)));
    }
}
