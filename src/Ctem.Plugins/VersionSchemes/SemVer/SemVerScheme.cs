using System.Diagnostics.CodeAnalysis;
using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.SemVer;

/// <summary>
/// Semantic Versioning 2.0 precedence, as npm, crates.io, Hex and Go modules use it. A leading "v" is accepted
/// (Go writes one; OSV SEMVER ranges may not) and build metadata (Go's "+incompatible") does not affect order.
/// A missing minor or patch number counts as 0, as osv-scanner's lenient parser does.
/// </summary>
public sealed class SemVerScheme : IVersionScheme
{
    public static SemVerScheme Instance { get; } = new();

    public string Name => "semver";

    public IReadOnlyList<string> Ecosystems { get; } = ["npm", "crates.io", "Go", "Hex", "Bitnami", "SwiftURL"];

    public bool TryParse(string text, [NotNullWhen(true)] out ISchemeVersion? version, [NotNullWhen(false)] out string? error)
    {
        version = null;
        var span = text.AsSpan().Trim();
        if (span.Length > 0 && (span[0] == 'v' || span[0] == 'V'))
        {
            span = span[1..];
        }

        var plus = span.IndexOf('+');
        if (plus >= 0)
        {
            span = span[..plus];
        }

        var dash = span.IndexOf('-');
        var core = dash >= 0 ? span[..dash] : span;
        var pre = dash >= 0 ? span[(dash + 1)..].ToString() : null;

        var numbers = new string[3] { "0", "0", "0" };
        var count = 0;
        foreach (var range in core.Split('.'))
        {
            var part = core[range];
            if (count == 3 || part.Length == 0 || !DigitString.IsDigits(part))
            {
                error = $"'{text}' is not a semantic version";
                return false;
            }

            numbers[count++] = DigitString.TrimZeros(part);
        }

        string[] prerelease = [];
        if (pre is not null)
        {
            prerelease = pre.Split('.');
            if (prerelease.Any(p => p.Length == 0 || !p.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
            {
                error = $"'{text}' has an invalid pre-release part";
                return false;
            }
        }

        version = new SemVersion(text, numbers[0], numbers[1], numbers[2], prerelease);
        error = null;
        return true;
    }



    private sealed class SemVersion(string text, string major, string minor, string patch, string[] prerelease) : ISchemeVersion
    {
        public string Text => text;

        public int CompareTo(ISchemeVersion? other)
        {
            if (other is not SemVersion that)
            {
                throw new InvalidOperationException($"cannot compare a semantic version with {other?.GetType().Name ?? "null"}");
            }

            var order = DigitString.Compare(major, that.Major);
            if (order == 0)
            {
                order = DigitString.Compare(minor, that.Minor);
            }

            if (order == 0)
            {
                order = DigitString.Compare(patch, that.Patch);
            }

            return order != 0 ? order : ComparePrerelease(prerelease, that.Prerelease);
        }

        private string Major => major;

        private string Minor => minor;

        private string Patch => patch;

        private string[] Prerelease => prerelease;

        private static int ComparePrerelease(string[] a, string[] b)
        {
            // A release ranks above every pre-release of the same core version.
            if (a.Length == 0 || b.Length == 0)
            {
                return b.Length.CompareTo(a.Length);
            }

            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var aNumeric = a[i].All(char.IsAsciiDigit);
                var bNumeric = b[i].All(char.IsAsciiDigit);
                var order = (aNumeric, bNumeric) switch
                {
                    (true, true) => DigitString.Compare(DigitString.TrimZeros(a[i]), DigitString.TrimZeros(b[i])),
                    (true, false) => -1,
                    (false, true) => 1,
                    _ => string.CompareOrdinal(a[i], b[i]),
                };
                if (order != 0)
                {
                    return Math.Sign(order);
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}
