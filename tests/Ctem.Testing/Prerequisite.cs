using Xunit;

namespace Ctem.Testing;

/// <summary>
/// What a test needs from outside the repository: the shared data set, a PostgreSQL server. On a developer's machine a
/// missing one skips the test visibly; under <c>CI=true</c> it fails the test, so that CI cannot pass by skipping.
/// </summary>
public static class Prerequisite
{
    public const string CiVariable = "CI";

    /// <summary>True when the tests run in CI, which promises every prerequisite (see .ci/run).</summary>
    public static bool InCi => Environment.GetEnvironmentVariable(CiVariable) is { } value
        && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    /// <summary>Skips the calling test (it must be a <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>), or fails it in CI.</summary>
    /// <param name="missing">Why the test cannot run here, or null when it can.</param>
    public static void Require(string? missing) => Require(missing, InCi);

    /// <summary>As <see cref="Require(string?)"/>, with whether this is CI given.</summary>
    public static void Require(string? missing, bool inCi)
    {
        if (missing is null)
        {
            return;
        }

        if (inCi)
        {
            Assert.Fail($"{CiVariable}=true, so this test must run, but {missing}");
        }

        Skip.If(true, missing);
    }
}
