using System.Diagnostics.CodeAnalysis;
using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Debian;

/// <summary>
/// dpkg version ordering (deb-version(7)): <c>[epoch:]upstream[-revision]</c>, as Debian and Ubuntu use it.
/// The epoch ends at the first colon and the revision starts after the last hyphen, as dpkg's parseversion splits them.
/// </summary>
public sealed class DebianScheme : IVersionScheme
{
    public static DebianScheme Instance { get; } = new();

    public string Name => "debian";

    public IReadOnlyList<string> Ecosystems { get; } = ["Debian", "Ubuntu"];

    public bool TryParse(string text, [NotNullWhen(true)] out ISchemeVersion? version, [NotNullWhen(false)] out string? error)
    {
        version = null;
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            error = "a Debian version must not be empty";
            return false;
        }

        var epoch = "0";
        var colon = span.IndexOf(':');
        if (colon >= 0)
        {
            var epochPart = span[..colon];
            if (epochPart.IsEmpty || !DigitString.IsDigits(epochPart))
            {
                error = $"'{text}' has an epoch that is not a number";
                return false;
            }

            epoch = DigitString.TrimZeros(epochPart);
            span = span[(colon + 1)..];
            if (span.IsEmpty)
            {
                error = $"'{text}' has nothing after the epoch's colon";
                return false;
            }
        }

        var revision = "";
        var dash = span.LastIndexOf('-');
        if (dash >= 0)
        {
            revision = span[(dash + 1)..].ToString();
            span = span[..dash];
            if (revision.Length == 0)
            {
                error = $"'{text}' has an empty revision after its last '-'";
                return false;
            }
        }

        var upstream = span.ToString();
        error = DebianText.Validate(text, upstream, revision);
        if (error is not null)
        {
            return false;
        }

        version = new DebianVersion(text, epoch, upstream, revision);
        return true;
    }
}
