using System.Diagnostics.CodeAnalysis;
using Ctem.Core.Versioning;
using NuGet.Versioning;

namespace Ctem.Plugins.VersionSchemes.NuGet;

/// <summary>
/// Versions NuGet.Versioning refuses only because a numeric part does not fit an int ("1.0.0.4294967296"): the
/// numbers are taken as digit strings and the rest of the text is checked by NuGet.Versioning itself, with each number
/// replaced by 0, so the grammar stays NuGet's.
/// </summary>
internal static class NuGetBigNumbers
{
    public static bool TryParse(string text, [NotNullWhen(true)] out string[]? numbers, [NotNullWhen(true)] out NuGetVersion? labels)
    {
        numbers = null;
        labels = null;
        var trimmed = text.AsSpan().Trim();
        var coreEnd = trimmed.IndexOfAny('-', '+');
        var core = coreEnd < 0 ? trimmed : trimmed[..coreEnd];
        var parts = new List<string>(4);
        foreach (var range in core.Split('.'))
        {
            var part = core[range];
            if (parts.Count == 4 || part.IsEmpty || !DigitString.IsDigits(part))
            {
                return false;
            }

            parts.Add(DigitString.TrimZeros(part));
        }

        var zeros = string.Join('.', parts.Select(_ => "0"));
        if (!parts.Exists(p => p.Length > 9) || !NuGetVersion.TryParse(zeros + (coreEnd < 0 ? "" : trimmed[coreEnd..].ToString()), out labels))
        {
            return false;
        }

        while (parts.Count < 4)
        {
            parts.Add("0");
        }

        numbers = [.. parts];
        return true;
    }
}
