using Ctem.Core.Versioning;
using Ctem.Plugins;
using Xunit;

namespace Ctem.Core.Tests.Versioning;

public sealed class FixedVersionListTests
{
    /// <summary>Cases: ecosystem, fixed versions as sources spell them → as shown. Spellings are from real records and reports.</summary>
    public static TheoryData<string?, string[], string[]> Cases => new()
    {
        // GO-2022-0379 (Go vulndb) "2.8.0+incompatible", GLAD-26cd05d1 (GitLab) "2.8.0", Trivy's gomod report "v2.8.0".
        { "Go", ["2.8.0+incompatible", "2.8.0", "v2.8.0"], ["2.8.0+incompatible"] },
        { "Go", ["v2.8.0", "2.8.0"], ["2.8.0"] },
        { "Go", ["v2.8.0", "2.7.0-rc.0+incompatible"], ["2.7.0-rc.0+incompatible", "2.8.0"] },
        // containerd's fixes, in the ecosystem's order, not as listed.
        { "Go", ["1.6.1", "v1.4.13", "1.5.10"], ["1.4.13", "1.5.10", "1.6.1"] },
        { "Go", ["0.0.0-20220314234659-1baeb1ce4c0b", "v0.0.0-20220314234659-1baeb1ce4c0b"], ["0.0.0-20220314234659-1baeb1ce4c0b"] },
        { "npm", ["v4.17.21", "4.17.21", " 4.17.21 "], ["4.17.21"] },
        // PEP 440 and Maven hold 1.0 and 1.0.0 equal: one is shown, the ordinally first.
        { "PyPI", ["1.0.0", "1.0", "0.9"], ["0.9", "1.0"] },
        { "Maven", ["2.16.0", "2.12.2", "2.16"], ["2.12.2", "2.16"] },
        // Composer's scheme holds "v5.4.0" equal to "5.4.0" though its spelling keeps the "v": still one.
        { "Packagist", ["v5.4.0", "5.4.0"], ["5.4.0"] },
        { "Packagist", ["v5.4.0"], ["v5.4.0"] },
        { "Debian:12", ["3.0.11-1~deb12u2", "3.0.9-1"], ["3.0.9-1", "3.0.11-1~deb12u2"] },
        // rpm: a missing epoch is epoch 0.
        { "Rocky Linux:8", ["1:1.1.1k-5.el8_5", "1.1.1k-4.el8", "0:1.1.1k-4.el8"], ["0:1.1.1k-4.el8", "1:1.1.1k-5.el8_5"] },
        // No scheme (a report's endpoint, an unknown ecosystem): spelled once each, ordinally.
        { null, ["b", "a", "a", ""], ["a", "b"] },
        { "Go", ["not-a-version", "1.2.3"], ["1.2.3", "not-a-version"] },
        { "Go", [], [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Canonical_Case_SpellsEachVersionOnceInOrder(string? ecosystem, string[] versions, string[] expected) =>
        Assert.Equal(expected, FixedVersionList.Canonical(versions, ecosystem, BuiltInPlugins.VersionSchemes));

    [Theory]
    [InlineData("Maven", "2.16", "2.16.0")]
    [InlineData("Go", "v2.8.0", "2.8.0+incompatible")]
    public void Canonical_OrderOfSources_DoesNotChooseTheSpelling(string ecosystem, string one, string other) =>
        Assert.Equal(
            FixedVersionList.Canonical([one, other], ecosystem, BuiltInPlugins.VersionSchemes),
            FixedVersionList.Canonical([other, one], ecosystem, BuiltInPlugins.VersionSchemes));
}
