using System.Diagnostics.CodeAnalysis;
using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Rpm;

/// <summary>
/// RPM version ordering, <c>[epoch:]version[-release]</c>, split as rpm's rpmverParse splits it: the epoch is the
/// leading digits before a colon (anything else before a colon is part of the version), the release follows the
/// last hyphen. Each part is compared with rpmvercmp.
/// </summary>
public sealed class RpmScheme : IVersionScheme
{
    public static RpmScheme Instance { get; } = new();

    public string Name => "rpm";

    public IReadOnlyList<string> Ecosystems { get; } =
        ["Red Hat", "Rocky Linux", "AlmaLinux", "openSUSE", "SUSE", "Mageia", "openEuler"];

    public bool TryParse(string text, [NotNullWhen(true)] out ISchemeVersion? version, [NotNullWhen(false)] out string? error)
    {
        version = null;
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            error = "an RPM version must not be empty";
            return false;
        }

        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                error = $"'{text}' contains white space or control characters, which no RPM version has";
                return false;
            }
        }

        var digits = 0;
        while (digits < span.Length && char.IsAsciiDigit(span[digits]))
        {
            digits++;
        }

        // rpm compares a missing epoch as "0", and so does an empty one (":1.0").
        var epoch = "0";
        if (digits < span.Length && span[digits] == ':')
        {
            epoch = digits == 0 ? "0" : span[..digits].ToString();
            span = span[(digits + 1)..];
        }

        string? release = null;
        var dash = span.LastIndexOf('-');
        if (dash >= 0)
        {
            release = span[(dash + 1)..].ToString();
            span = span[..dash];
        }

        if (span.IsEmpty)
        {
            error = $"'{text}' has an empty version part";
            return false;
        }

        version = new RpmVersion(text, epoch, span.ToString(), release);
        error = null;
        return true;
    }
}
