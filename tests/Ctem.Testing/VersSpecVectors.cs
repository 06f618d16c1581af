using System.Text.Json;

namespace Ctem.Testing;

public enum VersRelation
{
    Unspecified = 0,

    /// <summary>An "equality" case that expects true: compare(Left, Right) == 0.</summary>
    Equal,

    /// <summary>An "equality" case that expects false: compare(Left, Right) != 0.</summary>
    NotEqual,

    /// <summary>A "comparison" case: the expected output lists Left then Right in ascending order, so compare(Left, Right) &lt;= 0.</summary>
    NotGreater,
}

/// <summary>One vers-spec version comparison case, with its description for failure messages.</summary>
public sealed record VersComparison(string Left, string Right, VersRelation Relation, string Description)
{
    public bool Holds(int comparison) => Relation switch
    {
        VersRelation.Equal => comparison == 0,
        VersRelation.NotEqual => comparison != 0,
        VersRelation.NotGreater => comparison <= 0,
        _ => false,
    };
}

public static class VersSpecVectors
{
    public static IReadOnlyList<VersComparison> ReadComparisons(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new List<VersComparison>();
        foreach (var test in document.RootElement.GetProperty("tests").EnumerateArray())
        {
            var type = test.GetProperty("test_type").GetString();
            if (type is not ("comparison" or "equality") || !test.TryGetProperty("expected_output", out var expected))
            {
                continue;
            }

            var description = test.GetProperty("description").GetString() ?? "";
            if (type == "equality")
            {
                var versions = test.GetProperty("input").GetProperty("versions").EnumerateArray().Select(v => v.GetString()!).ToArray();
                cases.Add(new VersComparison(versions[0], versions[1], expected.GetBoolean() ? VersRelation.Equal : VersRelation.NotEqual, description));
            }
            else
            {
                var sorted = expected.EnumerateArray().Select(v => v.GetString()!).ToArray();
                cases.Add(new VersComparison(sorted[0], sorted[1], VersRelation.NotGreater, description));
            }
        }

        return cases;
    }
}
