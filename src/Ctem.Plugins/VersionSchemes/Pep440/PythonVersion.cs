using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Pep440;

/// <summary>A PyPI version: exactly one of <paramref name="release"/> (PEP 440) and <paramref name="legacy"/> is set.</summary>
internal sealed class PythonVersion(string text, Pep440Release? release, LegacyKey? legacy) : ISchemeVersion
{
    public string Text => text;

    private Pep440Release? Release => release;

    private LegacyKey? Legacy => legacy;

    public int CompareTo(ISchemeVersion? other)
    {
        if (other is not PythonVersion that)
        {
            throw new InvalidOperationException($"cannot compare a PyPI version with {other?.GetType().Name ?? "null"}");
        }

        return (release, that.Release, legacy, that.Legacy) switch
        {
            ({ } left, { } right, _, _) => left.CompareTo(right),

            // packaging gives every LegacyVersion the epoch -1, below the smallest PEP 440 epoch 0.
            ({ }, null, _, _) => 1,
            (null, { }, _, _) => -1,
            (null, null, { } left, { } right) => left.CompareTo(right),
            _ => throw new InvalidOperationException("a PyPI version has neither a PEP 440 nor a legacy key"),
        };
    }
}
