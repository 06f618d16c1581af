using Ctem.Core.Scoring;
using Ctem.Testing;
using Xunit;

namespace Ctem.Core.Tests.Scoring;

/// <summary>Every line of the RedHatProductSecurity/cvss vector files in ../shared/vectors/cvss/redhat-cvss.</summary>
public sealed class CvssVectorFileTests
{
    [SkippableFact]
    public void Parse_Calculator2File_MatchesEveryLine() => AssertFile("vectors_calculator2");

    [SkippableFact]
    public void Parse_Cvsslib2File_MatchesEveryLine() => AssertFile("vectors_cvsslib2");

    [SkippableFact]
    public void Parse_Simple2File_MatchesEveryLine() => AssertFile("vectors_simple2");

    [SkippableFact]
    public void Parse_Calculator3File_MatchesEveryLine() => AssertFile("vectors_calculator3");

    [SkippableFact]
    public void Parse_Cvsslib3File_MatchesEveryLine() => AssertFile("vectors_cvsslib3");

    [SkippableFact]
    public void Parse_Simple3File_MatchesEveryLine() => AssertFile("vectors_simple3");

    [SkippableFact]
    public void Parse_Simple31File_MatchesEveryLine() => AssertFile("vectors_simple31");

    [SkippableFact]
    public void Parse_Simple4File_MatchesEveryLine() => AssertFile("vectors_simple4");

    [SkippableFact]
    public void Parse_Security4File_MatchesEveryLine() => AssertFile("vectors_security4");

    [SkippableFact]
    public void Parse_Threat4File_MatchesEveryLine() => AssertFile("vectors_threat4");

    [SkippableFact]
    public void Parse_Supplemental4File_MatchesEveryLine() => AssertFile("vectors_supplemental4");

    private static void AssertFile(string name)
    {
        RepoPaths.RequireShared();
        var path = RepoPaths.SharedVectors("cvss", "redhat-cvss", name);
        var failures = new List<string>();
        var count = 0;
        foreach (var (line, vector, expected) in CvssVectorFile.Read(path))
        {
            count++;
            var actual = Actual(vector, out var error);
            var expectedText = string.Join(", ", expected.Select(CvssVectorFile.Format));
            if (actual is null)
            {
                failures.Add($"line {line}: {vector}: expected ({expectedText}), got error: {error}");
                continue;
            }

            // Exact comparison: both sides are the nearest doubles to one-decimal scores (and -0.0 == 0.0).
            if (actual.Count < expected.Count || !expected.Select((score, i) => score == actual[i]).All(equal => equal))
            {
                var actualText = string.Join(", ", actual.Take(expected.Count).Select(CvssVectorFile.Format));
                failures.Add($"line {line}: {vector}: expected ({expectedText}), got ({actualText})");
            }
        }

        Assert.True(count > 0, $"{path} has no vectors");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} vectors in {name} differ:\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// The scores in the files' layout. Upstream computes v3 temporal and environmental scores even when none of their
    /// metrics is given (the public API leaves those null), so v3 lines are compared with the calculator's full result,
    /// after checking that every score the public API does report agrees with it.
    /// </summary>
    private static IReadOnlyList<double?>? Actual(string vector, out string? error)
    {
        var result = Cvss.Parse(vector);
        error = result.Error;
        if (!result.Success)
        {
            return null;
        }

        var score = result.Value;
        switch (score.Version)
        {
            case "2.0":
                return [score.BaseScore, score.TemporalScore, score.EnvironmentalScore];
            case "4.0":
                return [score.Score];
            default:
                var full = CvssV3Calculator.Compute(Cvss.ParseVector(vector).Value!);
                if (score.BaseScore != full.Base || (score.TemporalScore ?? full.Temporal) != full.Temporal ||
                    (score.EnvironmentalScore ?? full.Environmental) != full.Environmental)
                {
                    error = "public scores disagree with the calculator";
                    return null;
                }

                return [full.Base, full.Temporal, full.Environmental];
        }
    }
}
