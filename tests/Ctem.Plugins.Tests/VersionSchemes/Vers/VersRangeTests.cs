using System.Text.Json;
using Ctem.Core.Versioning;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.VersionSchemes.Vers;

/// <summary>vers ranges over Ctem's version schemes: the vers-spec containment, parse and validate vectors, and cases of ours.</summary>
public sealed class VersRangeTests
{
    private static readonly VersionSchemeRegistry Schemes = BuiltInPlugins.VersionSchemes;

    [SkippableTheory]
    [InlineData("npm_range_containment_test.json")]
    [InlineData("pypi_range_containment_test.json")]
    public void Contains_VersSpecContainmentCases_AllHold(string file)
    {
        var failures = new List<string>();
        foreach (var test in Cases(file, "containment"))
        {
            var input = test.GetProperty("input");
            var range = VersRange.Parse(input.GetProperty("vers").GetString()!, Schemes);
            var contained = range.Success ? range.Value.Contains(input.GetProperty("version").GetString()!, Schemes) : null;
            if (contained != test.GetProperty("expected_output").GetBoolean())
            {
                failures.Add($"{input}: {(range.Success ? contained?.ToString() ?? "undecided" : range.Error)}");
            }
        }

        Assert.Empty(failures);
    }

    [SkippableFact]
    public void ParseCanonical_VersSpecParseCases_AllHold()
    {
        var failures = new List<string>();
        foreach (var test in Cases("vers_canonical_parse_test.json", "parse"))
        {
            var range = VersRange.ParseCanonical(test.GetProperty("input").GetString()!, Schemes);
            if (test.TryGetProperty("expected_failure", out _))
            {
                if (range.Success || range.Error != test.GetProperty("expected_message").GetString())
                {
                    failures.Add($"{test.GetProperty("input")}: expected '{test.GetProperty("expected_message")}', got {range.Error ?? "success"}");
                }

                continue;
            }

            var expected = test.GetProperty("expected_output");
            var constraints = expected.GetProperty("version_constraints").EnumerateArray().Select(c => (c[0].GetString(), c[1].GetString()));
            if (!range.Success || range.Value.Scheme != expected.GetProperty("scheme").GetString()
                || !range.Value.Constraints.Select(c => ((string?)c.Comparator, (string?)c.Version)).SequenceEqual(constraints))
            {
                failures.Add($"{test.GetProperty("input")}: {range.Error ?? range.Value!.ToString()}");
            }
        }

        Assert.Empty(failures);
    }

    [SkippableFact]
    public void Parse_VersSpecValidateCases_NormaliseAsExpected()
    {
        var cases = Cases("pypi_range_validate_test.json", "validate").ToList();

        Assert.NotEmpty(cases);
        Assert.All(cases, test => Assert.Equal(test.GetProperty("expected_output").GetString(), VersRange.Parse(test.GetProperty("input").GetString()!, Schemes).Value?.ToString()));
    }

    [Theory]
    [InlineData("vers:npm/>=1.0.0|<2.0.0", "1.5.0", true)]
    [InlineData("vers:npm/>=1.0.0|<2.0.0", "2.0.0", false)]
    [InlineData("vers:npm/<1.0.0|>=2.0.0", "3.0.0", true)]
    [InlineData("vers:npm/<1.0.0|>=2.0.0", "1.5.0", false)]
    [InlineData("vers:npm/!=1.2.3", "1.2.3", false)]
    [InlineData("vers:npm/!=1.2.3", "1.2.4", true)]
    [InlineData("vers:npm/1.2.3|1.2.5", "1.2.4", false)]
    [InlineData("vers:maven/>=2.0|<2.15.0", "2.14.1", true)]
    [InlineData("vers:deb/<2.36-9", "2.36-8", true)]
    [InlineData("vers:pypi/>=1.0|!=1.5", "1.5", false)]
    public void Contains_Ranges_FollowTheSchemesOrder(string vers, string version, bool expected) =>
        Assert.Equal(expected, VersRange.Parse(vers, Schemes).Value!.Contains(version, Schemes));

    [Theory]
    [InlineData("npm/>=1.0.0", "must start with 'vers:'")]
    [InlineData("vers:npm/", "has no constraints")]
    [InlineData("vers:npm/>=", "has no version")]
    [InlineData("vers:unknownscheme/1.0", "has no version ordering in Ctem")]
    [InlineData("vers:npm/>=not.a.version!", "is not a npm version")]
    public void Parse_BadRanges_SayWhy(string vers, string expected) =>
        Assert.Contains(expected, VersRange.Parse(vers, Schemes).Error, StringComparison.Ordinal);

    [Fact]
    public void Contains_UnreadableVersion_IsUndecided() =>
        Assert.Null(VersRange.Parse("vers:npm/<2.0.0", Schemes).Value!.Contains("not-a-version", Schemes));

    private static IEnumerable<JsonElement> Cases(string file, string type)
    {
        RepoPaths.RequireShared();
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.SharedVectors("vers", "vers-spec", "tests", file)));
        return document.RootElement.GetProperty("tests").EnumerateArray()
            .Where(t => t.GetProperty("test_type").GetString() == type)
            .Select(t => t.Clone())
            .ToList();
    }
}
