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
    public static AffectedCheck Check(AffectedPackage affected, string version, IVersionScheme? scheme)
    {
        ISchemeVersion? parsed = null;
        string? parseError = null;
        if (scheme is not null && !scheme.TryParse(version, out parsed, out parseError))
        {
            parsed = null;
        }

        if (IsListed(affected.Versions, version, parsed, scheme))
        {
            return AffectedCheck.Affected;
        }

        string? undetermined = null;
        foreach (var range in affected.Ranges)
        {
            if (range.Type is not (RangeType.Semver or RangeType.Ecosystem))
            {
                continue;
            }

            if (scheme is null)
            {
                undetermined ??= $"no version scheme for ecosystem '{affected.Ecosystem}'";
                continue;
            }

            if (parsed is null)
            {
                undetermined ??= parseError;
                continue;
            }

            var inRange = InRange(parsed, range, scheme, out var rangeError);
            if (inRange)
            {
                return AffectedCheck.Affected;
            }

            undetermined ??= rangeError;
        }

        return undetermined is null ? AffectedCheck.NotAffected : new AffectedCheck(AffectedVerdict.Undetermined, undetermined);
    }

    private static bool IsListed(IReadOnlyList<string> versions, string version, ISchemeVersion? parsed, IVersionScheme? scheme)
    {
        foreach (var listed in versions)
        {
            if (string.Equals(listed, version, StringComparison.Ordinal))
            {
                return true;
            }

            if (parsed is not null && scheme!.TryParse(listed, out var other, out _) && parsed.CompareTo(other) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InRange(ISchemeVersion version, AffectedRange range, IVersionScheme scheme, out string? error)
    {
        error = null;
        var events = new List<(ISchemeVersion? At, RangeEventKind Kind)>(range.Events.Count);
        var limits = new List<ISchemeVersion>();
        var unboundedLimit = false;
        foreach (var e in range.Events)
        {
            if (e.Kind == RangeEventKind.Introduced && e.Version == "0")
            {
                events.Add((null, e.Kind));
                continue;
            }

            if (e.Kind == RangeEventKind.Limit && e.Version == "*")
            {
                unboundedLimit = true;
                continue;
            }

            if (!scheme.TryParse(e.Version, out var at, out var eventError))
            {
                // One unreadable bound makes the whole range unreadable: guessing would give false answers.
                error = $"range event {e.Kind} '{e.Version}': {eventError}";
                return false;
            }

            if (e.Kind == RangeEventKind.Limit)
            {
                limits.Add(at);
            }
            else
            {
                events.Add((at, e.Kind));
            }
        }

        events.Sort(static (a, b) =>
        {
            var order = (a.At, b.At) switch
            {
                (null, null) => 0,
                (null, _) => -1,
                (_, null) => 1,
                _ => a.At.CompareTo(b.At),
            };
            return order != 0 ? order : a.Kind.CompareTo(b.Kind);
        });

        var affected = false;
        foreach (var (at, kind) in events)
        {
            switch (kind)
            {
                case RangeEventKind.Introduced when at is null || version.CompareTo(at) >= 0:
                    affected = true;
                    break;
                case RangeEventKind.Fixed when version.CompareTo(at) >= 0:
                    affected = false;
                    break;
                case RangeEventKind.LastAffected when version.CompareTo(at) > 0:
                    affected = false;
                    break;
            }
        }

        if (!affected || unboundedLimit || limits.Count == 0)
        {
            return affected;
        }

        return limits.Exists(limit => version.CompareTo(limit) < 0);
    }
}
