using System.Diagnostics.CodeAnalysis;
using Ctem.Core.Model;

namespace Ctem.Core.Versioning;

/// <summary>One SEMVER/ECOSYSTEM range with its events parsed and sorted by version (introduced "0" first).</summary>
internal sealed class CompiledRange
{
    private readonly (ISchemeVersion? At, RangeEventKind Kind)[] _events;
    private readonly ISchemeVersion[] _limits;
    private readonly bool _unboundedLimit;

    private CompiledRange((ISchemeVersion? At, RangeEventKind Kind)[] events, ISchemeVersion[] limits, bool unboundedLimit)
    {
        _events = events;
        _limits = limits;
        _unboundedLimit = unboundedLimit;
    }

    /// <summary>Null with <paramref name="error"/> when a bound is unreadable: a half-read range would give false answers.</summary>
    /// <param name="parsed">Versions already parsed by <paramref name="scheme"/> (null for an unreadable one), shared with other ranges.</param>
    public static CompiledRange? Compile(AffectedRange range, IVersionScheme scheme, out string? error, Dictionary<string, ISchemeVersion?>? parsed = null)
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

            if (!TryParse(scheme, e.Version, parsed, out var at, out var eventError))
            {
                error = $"range event {e.Kind} '{e.Version}': {eventError}";
                return null;
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
        return new CompiledRange([.. events], [.. limits], unboundedLimit);
    }

    private static bool TryParse(
        IVersionScheme scheme, string text, Dictionary<string, ISchemeVersion?>? parsed, [NotNullWhen(true)] out ISchemeVersion? version, out string? error)
    {
        if (parsed is not null && parsed.TryGetValue(text, out version) && version is not null)
        {
            error = null;
            return true;
        }

        // Unknown, or known to be unreadable and parsed again for its error (rare: such a range is not evaluated).
        var readable = scheme.TryParse(text, out version, out error);
        if (parsed is not null)
        {
            parsed[text] = version;
        }

        return readable;
    }

    public bool Contains(ISchemeVersion version)
    {
        var affected = false;
        foreach (var (at, kind) in _events)
        {
            // Events are sorted: once one lies above the version, no later event can apply.
            if (at is not null && version.CompareTo(at) < 0)
            {
                break;
            }

            switch (kind)
            {
                case RangeEventKind.Introduced:
                    affected = true;
                    break;
                case RangeEventKind.Fixed:
                    affected = false;
                    break;
                case RangeEventKind.LastAffected when version.CompareTo(at) > 0:
                    affected = false;
                    break;
            }
        }

        if (!affected || _unboundedLimit || _limits.Length == 0)
        {
            return affected;
        }

        return Array.Exists(_limits, limit => version.CompareTo(limit) < 0);
    }
}
