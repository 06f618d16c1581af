using Ctem.Core.Scoring;
using Xunit;

namespace Ctem.Core.Tests.Scoring;

public sealed class SeveritiesTests
{
    /// <summary>The labels sources really write: GitHub advisories, Bitnami's OSV records, scanners' words.</summary>
    [Theory]
    [InlineData("CRITICAL", "critical")]
    [InlineData("Critical", "critical")]
    [InlineData("HIGH", "high")]
    [InlineData("Important", "high")]
    [InlineData("MODERATE", "medium")]
    [InlineData("Medium", "medium")]
    [InlineData(" low ", "low")]
    [InlineData("negligible", "low")]
    [InlineData("None", "none")]
    [InlineData("info", "none")]
    [InlineData("Informational", "none")]
    [InlineData("Unknown", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalize_SourceLabel_IsCtemsWord(string? label, string? expected) => Assert.Equal(expected, Severities.Normalize(label));

    [Fact]
    public void Name_EveryCvssSeverity_IsALowerCaseWordNormalizeKeeps() =>
        Assert.All(Enum.GetValues<CvssSeverity>(), severity => Assert.Equal(Severities.Name(severity), Severities.Normalize(Severities.Name(severity))));
}
