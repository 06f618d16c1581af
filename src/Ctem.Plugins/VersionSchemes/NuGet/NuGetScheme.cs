using System.Diagnostics.CodeAnalysis;
using Ctem.Core.Versioning;
using NuGet.Versioning;

namespace Ctem.Plugins.VersionSchemes.NuGet;

/// <summary>
/// NuGet's own ordering, from NuGet.Versioning: up to four numeric parts (missing ones are 0), SemVer 2.0
/// pre-release precedence with labels compared case-insensitively, build metadata ignored. NuGet.Versioning refuses
/// a numeric part beyond 2^31-1; here such a version is read with the same grammar and its numbers ordered by value
/// at any length. Pre-release labels keep NuGet's order exactly: a label is a number only when it fits 32 bits,
/// larger ones compare as text.
/// </summary>
public sealed class NuGetScheme : IVersionScheme
{
    public static NuGetScheme Instance { get; } = new();

    public string Name => "nuget";

    public IReadOnlyList<string> Ecosystems { get; } = ["NuGet"];

    public bool TryParse(string text, [NotNullWhen(true)] out ISchemeVersion? version, [NotNullWhen(false)] out string? error)
    {
        version = null;
        if (NuGetVersion.TryParse(text, out var parsed))
        {
            version = new NuGetSchemeVersion(
                text,
                [.. new[] { parsed.Major, parsed.Minor, parsed.Patch, parsed.Revision }.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                LabelsOnly(parsed));
            error = null;
            return true;
        }

        if (NuGetBigNumbers.TryParse(text, out var numbers, out var labels))
        {
            version = new NuGetSchemeVersion(text, numbers, LabelsOnly(labels));
            error = null;
            return true;
        }

        error = $"'{text}' is not a NuGet version";
        return false;
    }

    // The numeric parts are compared as digit strings; NuGet's comparer then only sees the labels.
    private static NuGetVersion LabelsOnly(NuGetVersion parsed) => new(0, 0, 0, 0, parsed.ReleaseLabels, parsed.Metadata);

    private sealed class NuGetSchemeVersion(string text, string[] numbers, NuGetVersion labels) : ISchemeVersion
    {
        public string Text => text;

        private string[] Numbers => numbers;

        private NuGetVersion Labels => labels;

        public int CompareTo(ISchemeVersion? other)
        {
            if (other is not NuGetSchemeVersion that)
            {
                throw new InvalidOperationException($"cannot compare a NuGet version with {other?.GetType().Name ?? "null"}");
            }

            for (var i = 0; i < numbers.Length; i++)
            {
                var order = DigitString.Compare(numbers[i], that.Numbers[i]);
                if (order != 0)
                {
                    return order;
                }
            }

            return Math.Sign(VersionComparer.Default.Compare(labels, that.Labels));
        }
    }
}
