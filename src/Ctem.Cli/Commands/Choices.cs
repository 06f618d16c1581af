using System.CommandLine;
using Ctem.Engine.Scoping;

namespace Ctem.Cli.Commands;

/// <summary>
/// Option values chosen from a known list (formats, sources, ecosystems): accepted whatever their case and handed on as
/// the list spells them; anything else is a usage error (exit 2) before any work is done, with the nearest known name.
/// </summary>
public static class Choices
{
    /// <summary>
    /// Restricts <paramref name="option"/> to <paramref name="known"/> (<paramref name="what"/> names them in errors:
    /// "output format"). <paramref name="hint"/> may add a sentence for a value that is known elsewhere.
    /// </summary>
    public static Option<T> OneOf<T>(this Option<T> option, string what, IReadOnlyList<string> known, Func<string, string?>? hint = null)
        where T : class?
    {
        ArgumentNullException.ThrowIfNull(option);
        option.HelpName ??= string.Join("|", known);
        return option.Matching(what, known, given => Find(given, known), hint);
    }

    /// <summary>As <see cref="OneOf{T}"/>, for an option that takes several values.</summary>
    public static Option<string[]> EachOneOf(this Option<string[]> option, string what, IReadOnlyList<string> known)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.HelpName ??= string.Join("|", known);
        return option.Each(what, known, given => Find(given, known));
    }

    /// <summary>As <see cref="Matching{T}"/>, for an option that takes several values.</summary>
    public static Option<string[]> Each(this Option<string[]> option, string what, IReadOnlyList<string> known, Func<string, string?> canonical)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CustomParser = result =>
        {
            var values = new List<string>();
            foreach (var token in result.Tokens)
            {
                if (canonical(token.Value) is { } value)
                {
                    values.Add(value);
                }
                else
                {
                    result.AddError(Unknown(option.Name, what, token.Value, known));
                }
            }

            return [.. values];
        };
        option.CompletionSources.Add(known.ToArray());
        return option;
    }

    /// <summary>
    /// Restricts the value of <paramref name="option"/> to what <paramref name="canonical"/> recognises (null: unknown),
    /// suggesting the nearest of <paramref name="known"/> otherwise.
    /// </summary>
    public static Option<T> Matching<T>(
        this Option<T> option, string what, IReadOnlyList<string> known, Func<string, string?> canonical, Func<string, string?>? hint = null)
        where T : class?
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return null;
            }

            var given = result.Tokens[0].Value;
            if (canonical(given) is { } value)
            {
                return (T?)(object?)value;
            }

            result.AddError(Unknown(option.Name, what, given, known) + (hint?.Invoke(given) is { } more ? "; " + more : ""));
            return null;
        };
        option.CompletionSources.Add(known.ToArray());
        return option;
    }

    /// <summary>The known name <paramref name="given"/> stands for: the same text, else the one name equal to it ignoring case.</summary>
    public static string? Find(string given, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(given);
        var candidates = known.Where(k => string.Equals(k, given, StringComparison.OrdinalIgnoreCase)).ToList();
        return candidates.Contains(given, StringComparer.Ordinal) ? given : candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>
    /// The OSV spelling of an ecosystem name given in any case ("pypi" is "PyPI", "debian:12" is "Debian:12"): its base,
    /// before any colon, must be one of <paramref name="bases"/>; the suffix (a release, a stream) is kept as given.
    /// </summary>
    public static string? FindEcosystem(string given, IEnumerable<string> bases)
    {
        ArgumentNullException.ThrowIfNull(given);
        var colon = given.IndexOf(':', StringComparison.Ordinal);
        if (colon == given.Length - 1)
        {
            return null;
        }

        return Find(colon < 0 ? given : given[..colon], bases) is { } name ? name + (colon < 0 ? "" : given[colon..]) : null;
    }

    /// <summary>
    /// The usage error for an unknown value: the known names it begins (a family: "cyclonedx"), else the nearest one, then
    /// all of them.
    /// </summary>
    public static string Unknown(string option, string what, string given, IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var started = given.Length == 0 ? [] : known.Where(k => k.StartsWith(given, StringComparison.OrdinalIgnoreCase)).ToList();
        var suggestion = started.Count > 0
            ? $"; did you mean {string.Join(" or ", started.Select(s => $"'{s}'"))}?"
            : Suggestions.Nearest(given, known) is { } nearest ? $"; did you mean '{nearest}'?" : "";
        return $"{option} '{given}' is not a known {what}{suggestion} (known: {string.Join(", ", known)})";
    }
}
