using Ctem.Cli.Rendering;
using Ctem.Reporting;
using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Scoring.Ssvc;
using Xunit;

namespace Ctem.Cli.Tests;

public sealed class FindingsTableTests
{
    public static TheoryData<Priority?[], string> CountLines => new()
    {
        { [], "0 finding(s)." },
        { [Priority.Medium], "1 finding(s): 0 critical, 0 high, 1 medium, 0 low." },
        { [Priority.Critical, Priority.Low, Priority.Low], "3 finding(s): 1 critical, 0 high, 0 medium, 2 low." },

        // Stored before risk scoring and not seen since: counted, never passed off as low.
        { [Priority.High, null, null], "3 finding(s): 0 critical, 1 high, 0 medium, 0 low, 2 not assessed." },
    };

    [Theory]
    [MemberData(nameof(CountLines))]
    public void CountLine_Priorities_CountsEachLevel(Priority?[] priorities, string expected) =>
        Assert.Equal(expected, FindingsTable.CountLine(priorities.Select(Finding).ToList()));

    private static FindingView Finding(Priority? priority) =>
        new("app", "pkg:npm/left-pad", "npm", "left-pad", "1.0.0", null, new VulnerabilityRef("CVE-2021-44228", [], null, null, []), [], "open", null, null, [])
        {
            Risk = priority is { } p ? new RiskAssessment(50, p, 30, default(SsvcOutcome), [], CliRun.Now) : null,
        };
}
