using Ctem.Core.Model;

namespace Ctem.Core.Versioning;

public enum AffectedVerdict
{
    Unspecified = 0,
    NotAffected,
    Affected,

    /// <summary>The record could not be evaluated for this version (no scheme, unparsable version): not guessed.</summary>
    Undetermined,
}

public sealed record AffectedCheck(AffectedVerdict Verdict, string? Reason = null)
{
    public static AffectedCheck Affected { get; } = new(AffectedVerdict.Affected);

    public static AffectedCheck NotAffected { get; } = new(AffectedVerdict.NotAffected);
}

/// <summary>
/// Decides whether one version falls in an OSV <c>affected[]</c> entry, following the OSV schema's evaluation:
/// a version is affected when it is listed in <c>versions</c>, or when, in any SEMVER/ECOSYSTEM range, the
/// events sorted by version leave it between an <c>introduced</c> and the next <c>fixed</c> (exclusive) or
/// <c>last_affected</c> (inclusive), and below any <c>limit</c>. GIT ranges name commits, not versions, so they
/// count only through the <c>versions</c> list.
/// </summary>
public static class AffectedVersionEvaluator
{
    public static AffectedCheck Check(AffectedPackage affected, string version, IVersionScheme? scheme) =>
        CompiledAffected.Compile(affected, scheme).Check(ComponentVersion.Parse(version, scheme));
}

/// <summary>A component version parsed once by its ecosystem's scheme, to be checked against many advisories.</summary>
public sealed record ComponentVersion(string Text, ISchemeVersion? Parsed, string? ParseError)
{
    public static ComponentVersion Parse(string text, IVersionScheme? scheme)
    {
        if (scheme is null)
        {
            return new ComponentVersion(text, null, null);
        }

        return scheme.TryParse(text, out var parsed, out var error)
            ? new ComponentVersion(text, parsed, null)
            : new ComponentVersion(text, null, error);
    }
}
