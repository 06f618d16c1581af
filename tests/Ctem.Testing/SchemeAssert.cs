using Ctem.Core.Versioning;
using Xunit;

namespace Ctem.Testing;

/// <summary>The checks every version-scheme test makes, on hand-written tables and on the shared vector files.</summary>
public static class SchemeAssert
{
    /// <summary>The sign of compare(left, right); both must parse.</summary>
    public static int Order(IVersionScheme scheme, string left, string right)
    {
        Assert.True(scheme.TryParse(left, out var a, out var errorA), errorA);
        Assert.True(scheme.TryParse(right, out var b, out var errorB), errorB);
        return Math.Sign(a.CompareTo(b));
    }

    /// <summary>Every vector that fails in either direction, named by its line, so a failure says which.</summary>
    public static IReadOnlyList<string> VectorFailures(IVersionScheme scheme, IEnumerable<VersionVector> vectors) =>
        vectors
            .Where(v => Order(scheme, v.Left, v.Right) != v.Expected || Order(scheme, v.Right, v.Left) != -v.Expected)
            .Select(v => $"line {v.Line}: {v.Left} vs {v.Right}")
            .ToList();

    /// <summary>Every vers-spec comparison case that does not hold in either direction.</summary>
    public static IReadOnlyList<string> VersFailures(IVersionScheme scheme, IEnumerable<VersComparison> cases) =>
        cases
            .Where(c => !c.Holds(Order(scheme, c.Left, c.Right)) || !c.Holds(-Order(scheme, c.Right, c.Left)))
            .Select(c => $"{c.Left} vs {c.Right} ({c.Relation}): {c.Description}")
            .ToList();
}
