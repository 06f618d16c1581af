using Ctem.Core.Scoring.Ssvc;
using Xunit;

namespace Ctem.Core.Tests.Scoring.Ssvc;

/// <summary>Bad text gives a failed result naming the point and its accepted values, never an exception.</summary>
public sealed class SsvcParsingTests
{
    [Theory]
    [InlineData("exploited")]
    [InlineData("PoC")]
    [InlineData("1")]
    [InlineData("Active!")]
    public void TryParseExploitation_Unknown_FailsListingTheValues(string text)
    {
        var parsed = CisaSsvc.TryParseExploitation(text, out _, out var error);

        Assert.False(parsed);
        Assert.Equal($"'{text}' is not a value of Exploitation (ssvc:E:1.1.0); expected one of None (N), Public PoC (P), Active (A)", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParseAutomatable_Missing_FailsSayingSo(string? text)
    {
        var parsed = CisaSsvc.TryParseAutomatable(text, out _, out var error);

        Assert.False(parsed);
        Assert.Equal("Automatable (ssvc:A:2.0.0) is missing; expected one of No (N), Yes (Y)", error);
    }

    [Fact]
    public void Parse_SeveralBadValues_ReportsEachOne()
    {
        var inputs = SsvcInputs.Parse("active", "maybe", "full", "high");

        Assert.False(inputs.Success);
        Assert.Contains("'maybe' is not a value of Automatable", inputs.Error, StringComparison.Ordinal);
        Assert.Contains("'full' is not a value of Technical Impact (ssvc:TI:1.0.0); expected one of Partial (P), Total (T)", inputs.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exploitation", inputs.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_FromBadText_FailsWithoutThrowing()
    {
        var decision = CisaSsvc.Decide("none", "no", "partial", "severe");

        Assert.False(decision.Success);
        Assert.Equal(
            "'severe' is not a value of Mission and Well-Being Impact (ssvc:MWI:1.0.0); expected one of Low (L), Medium (M), High (H)",
            decision.Error);
    }

    [Theory]
    [InlineData("Track*", SsvcOutcome.TrackStar)]
    [InlineData("t*", SsvcOutcome.TrackStar)]
    [InlineData("TrackStar", SsvcOutcome.TrackStar)]
    [InlineData("T", SsvcOutcome.Track)]
    [InlineData("attend", SsvcOutcome.Attend)]
    [InlineData("AT", SsvcOutcome.Attend)]
    [InlineData("AC", SsvcOutcome.Act)]
    [InlineData("act", SsvcOutcome.Act)]
    public void TryParseOutcome_KeysAndNames_Parse(string text, SsvcOutcome expected)
    {
        Assert.True(CisaSsvc.TryParseOutcome(text, out var outcome, out var error), error);
        Assert.Equal(expected, outcome);
    }

    [Fact]
    public void TryParseOutcome_Unknown_Fails()
    {
        Assert.False(CisaSsvc.TryParseOutcome("patch now", out _, out var error));
        Assert.Equal("'patch now' is not a value of CISA Levels (cisa:CISA:1.1.0); expected one of Track (T), Track* (T*), Attend (AT), Act (AC)", error);
    }
}
