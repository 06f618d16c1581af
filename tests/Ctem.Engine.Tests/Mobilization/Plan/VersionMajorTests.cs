using Ctem.Engine.Mobilization.Plan;
using Xunit;

namespace Ctem.Engine.Tests.Mobilization.Plan;

/// <summary>When an upgrade is breaking: versions as components and advisories of the shared data set write them.</summary>
public sealed class VersionMajorTests
{
    public static TheoryData<string, string, bool, string> Cases => new()
    {
        { "3.2.9", "3.2.25", true, "PyPI patch release" },
        { "8.0.0", "10.0.1", false, "PyPI major" },
        { "v0.0.0-20211215153901-e495a2d5b3d3", "0.52.0", true, "Go pseudo-version and the v OSV leaves out" },
        { "v20.10.12+incompatible", "25.0.13+incompatible", false, "Go +incompatible" },
        { "v5.4.2", "5.19.2", true, "Go module in /v5" },
        { "1:2.30-1", "1:2.31-1", true, "Debian epoch kept" },
        { "1:2.30-1", "2.31-1", false, "Debian epoch differs" },
        { "1!2.0", "1!2.5", true, "PEP 440 epoch" },
        { "latest", "1.0.0", false, "no leading number" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Same_VersionPairs_AsTheirFirstNumbers(string held, string target, bool same, string rule) =>
        Assert.True(VersionMajor.Same(held, target) == same, $"{held} → {target}: expected {(same ? "same" : "another")} major ({rule})");
}
