using Ctem.Core.Scoring;
using Xunit;

namespace Ctem.Core.Tests.Scoring;

/// <summary>Hand-picked vectors (copied with their scores from the RedHatProductSecurity/cvss vector files) and bad input.</summary>
public sealed class CvssTests
{
    public static TheoryData<string, double, double?, double?> V2Vectors => new()
    {
        { "AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0, null, null },
        { "AV:L/AC:H/Au:M/C:N/I:P/A:N", 0.8, null, null },
        { "AV:A/AC:M/Au:N/C:C/I:N/A:P/E:POC/RL:W/RC:UC", 6.4, 4.9, null },
        { "AV:N/AC:L/Au:S/C:C/I:C/A:C/E:U/RL:U/RC:C", 9.0, 7.7, null },
        { "AV:A/AC:H/Au:S/C:N/I:P/A:P/E:POC/RL:OF/RC:C/CDP:LM/TD:M/CR:M/IR:L/AR:L", 2.9, 2.3, 2.8 },
        { "AV:L/AC:M/Au:S/C:N/I:P/A:C/E:U/RL:OF/RC:UR/CDP:N/TD:L/CR:H/IR:H/AR:H", 5.0, 3.5, 1.2 },
    };

    public static TheoryData<string, double, double?, double?> V3Vectors => new()
    {
        { "CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9, null, null },
        { "CVSS:3.0/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N", 4.6, null, null },
        { "CVSS:3.0/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:N/A:H/MPR:N", 5.8, null, 7.1 },
        { "CVSS:3.0/AV:L/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N/MAV:A/MAC:L/MPR:N/MUI:N/MS:U/MC:N/MI:N/MA:N", 4.6, null, 0.0 },
        {
            "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:N/E:H/RL:O/RC:C/CR:H/IR:H/AR:H/MAV:N/MAC:L/MPR:L/MUI:N/MS:C/MC:H/MI:H/MA:H",
            9.3, 8.9, 9.5
        },
        { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:L/A:L", 9.9, null, null },
        { "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:N/I:L/A:N", 4.1, null, null },
        { "CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:C/C:N/I:L/A:L", 4.7, null, null },
        { "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:N/I:L/A:N", 2.5, null, null },
        { "CVSS:3.1/AV:P/AC:H/PR:N/UI:R/S:U/C:N/I:N/A:N", 0.0, null, null },
    };

    public static TheoryData<string, double, string> V4Vectors => new()
    {
        { "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:H/SC:N/SI:H/SA:N", 9.2, "CVSS-B" },
        { "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:N/SA:N", 2.1, "CVSS-B" },
        { "CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:A/VC:H/VI:L/VA:N/SC:H/SI:H/SA:L", 7.1, "CVSS-B" },
        { "CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:N/VC:N/VI:N/VA:L/SC:H/SI:H/SA:L", 4.7, "CVSS-B" },
        { "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P", 5.9, "CVSS-BT" },
        { "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/CR:H/IR:H/AR:M", 7.2, "CVSS-BE" },
        { "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/CR:H/IR:H/AR:H", 0.0, "CVSS-BE" },
        { "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/S:N/AU:Y/R:U/V:D/RE:H/U:Red", 7.3, "CVSS-B" },
    };

    public static TheoryData<string, string> InvalidVectors => new()
    {
        { "", "empty" },
        { "   ", "empty" },
        { "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "unsupported CVSS version '3.2'" },
        { "CVSS:3.1", "has no metrics" },
        { "CVSS:3.1/", "has no metrics" },
        { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/", "empty metric at position 9" },
        { "CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "empty metric at position 2" },
        { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A", "malformed metric 'A'" },
        { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H:H", "malformed metric 'A:H:H'" },
        { "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "invalid value 'Q' for metric 'AV'" },
        { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:X/C:H/I:H/A:H", "invalid value 'X' for metric 'S'" },
        { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:H", "unknown metric 'ZZ'" },
        { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L", "duplicate metric 'AV'" },
        { "CVSS:3.1/AV:N/AC:L/UI:N/S:U/C:H/I:H/A:H", "missing mandatory base metric PR" },
        { "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/C:H/I:H", "missing mandatory base metrics S, A" },
        { "AV:N/AC:L/Au:N/C:P/I:P", "missing mandatory base metric A" },
        { "AV:N/AC:L/Au:N/C:P/I:P/A:P/E:X", "invalid value 'X' for metric 'E'" },
        { "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "unknown metric 'PR' in the CVSS v2.0 vector (v3.x and v4.0 vectors need" },
        { "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P/CR:HH", "invalid value 'HH' for metric 'CR'" },
        { "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N", "missing mandatory base metric SA" },
        { "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N", "invalid value 'S' for metric 'SI'" },
        { "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:F", "invalid value 'F' for metric 'E'" },
        { "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:clear", "invalid value 'clear' for metric 'U'" },
        { "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:U", "invalid value 'U' for metric 'S'" },
        { "cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "unknown metric 'cvss'" },
    };

    [Theory]
    [MemberData(nameof(V2Vectors))]
    [MemberData(nameof(V3Vectors))]
    public void Parse_V2AndV3Vector_ComputesSpecificationScores(string vector, double baseScore, double? temporal, double? environmental)
    {
        var result = Cvss.Parse(vector);

        Assert.True(result.Success, result.Error);
        Assert.Equal(baseScore, result.Value.BaseScore);
        Assert.Equal(temporal, result.Value.TemporalScore);
        Assert.Equal(environmental, result.Value.EnvironmentalScore);
        Assert.Equal(environmental ?? temporal ?? baseScore, result.Value.Score);
        Assert.Null(result.Value.Nomenclature);
    }

    [Theory]
    [MemberData(nameof(V4Vectors))]
    public void Parse_V4Vector_ComputesMacroVectorScore(string vector, double score, string nomenclature)
    {
        var result = Cvss.Parse(vector);

        Assert.True(result.Success, result.Error);
        Assert.Equal("4.0", result.Value.Version);
        Assert.Equal(score, result.Value.Score);
        Assert.Equal(nomenclature, result.Value.Nomenclature);
    }

    [Theory]
    [MemberData(nameof(InvalidVectors))]
    public void Parse_InvalidVector_ReturnsErrorNamingTheProblem(string vector, string fragment)
    {
        var result = Cvss.Parse(vector);

        Assert.False(result.Success);
        Assert.Contains(fragment, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_V4WithThreatAndEnvironmental_ReportsEachLayer()
    {
        var result = Cvss.Parse("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P/CR:H/IR:H/AR:M");

        Assert.True(result.Success, result.Error);
        Assert.Equal(7.3, result.Value.BaseScore);
        Assert.Equal(5.9, result.Value.TemporalScore);
        Assert.Equal(result.Value.Score, result.Value.EnvironmentalScore);
        Assert.Equal("CVSS-BTE", result.Value.Nomenclature);
        Assert.True(result.Value.Score < 7.2, $"BTE score {result.Value.Score} must not exceed the BE score 7.2");
    }

    [Fact]
    public void Parse_NotDefinedValues_AreIgnored()
    {
        var plain = Cvss.Parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:H/SC:N/SI:H/SA:N");
        var withX = Cvss.Parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:H/SC:N/SI:H/SA:N/E:X/CR:X/MAV:X/U:X");
        var v2 = Cvss.Parse("AV:N/AC:L/Au:N/C:C/I:C/A:C/E:ND/RL:ND/RC:ND/CDP:ND/TD:ND/CR:ND/IR:ND/AR:ND");

        Assert.True(withX.Success, withX.Error);
        Assert.Equal(plain.Value, withX.Value);
        Assert.True(v2.Success, v2.Error);
        Assert.Null(v2.Value.TemporalScore);
        Assert.Null(v2.Value.EnvironmentalScore);
        Assert.Equal("AV:N/AC:L/Au:N/C:C/I:C/A:C", v2.Value.Vector);
    }

    [Theory]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")]
    [InlineData("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:L")]
    [InlineData("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N")]
    [InlineData("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:C/C:H/I:H/A:H")]
    [InlineData("AV:L/AC:H/Au:M/C:P/I:N/A:N")]
    public void Parse_EveryOptionalMetricValue_ScoresWithinRange(string baseVector)
    {
        var version = Cvss.ParseVector(baseVector).Value!.Version;
        foreach (var definition in CvssMetricCatalog.For(version).Where(d => !d.Mandatory))
        {
            foreach (var value in definition.Values)
            {
                var vector = $"{baseVector}/{definition.Name}:{value}";
                var result = Cvss.Parse(vector);

                Assert.True(result.Success, $"{vector}: {result.Error}");
                Assert.InRange(result.Value.Score, 0.0, 10.0);
                Assert.InRange(result.Value.BaseScore, 0.0, 10.0);
            }
        }
    }

    [Theory]
    [InlineData("(AV:N/AC:L/Au:N/C:P/I:P/A:P)", "AV:N/AC:L/Au:N/C:P/I:P/A:P")]
    [InlineData("CVSS:2.0/A:P/I:P/C:P/Au:N/AC:L/AV:N", "AV:N/AC:L/Au:N/C:P/I:P/A:P")]
    [InlineData(" CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N/E:X ", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]
    [InlineData("CVSS:4.0/SA:N/SI:N/SC:N/VA:H/VI:H/VC:H/UI:N/PR:N/AT:N/AC:L/AV:N/U:Red/CR:L", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/CR:L/U:Red")]
    public void Parse_AnyMetricOrder_NormalizesVector(string vector, string normalized)
    {
        var result = Cvss.Parse(vector);

        Assert.True(result.Success, result.Error);
        Assert.Equal(normalized, result.Value.Vector);
    }

    [Theory]
    [InlineData("AV:N/AC:L/Au:N/C:C/I:C/A:C", CvssSeverity.High)]
    [InlineData("AV:N/AC:L/Au:N/C:P/I:P/A:P", CvssSeverity.High)]
    [InlineData("AV:L/AC:H/Au:M/C:N/I:P/A:N", CvssSeverity.Low)]
    [InlineData("AV:L/AC:H/Au:M/C:N/I:N/A:N", CvssSeverity.Low)]
    [InlineData("CVSS:3.1/AV:P/AC:H/PR:N/UI:R/S:U/C:N/I:N/A:N", CvssSeverity.None)]
    [InlineData("CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:N/I:L/A:N", CvssSeverity.Low)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:N/I:L/A:N", CvssSeverity.Medium)]
    [InlineData("CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", CvssSeverity.High)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:L/A:L", CvssSeverity.Critical)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:H/SC:N/SI:H/SA:N", CvssSeverity.Critical)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:N/SA:N", CvssSeverity.Low)]
    public void Parse_Score_RatesSeverityOnTheVersionScale(string vector, CvssSeverity severity)
    {
        var result = Cvss.Parse(vector);

        Assert.True(result.Success, result.Error);
        Assert.Equal(severity, result.Value.Severity);
    }
}
