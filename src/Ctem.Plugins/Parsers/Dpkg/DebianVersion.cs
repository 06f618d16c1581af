using System.Text;
using System.Text.RegularExpressions;
using Ctem.Core.Diagnostics;

namespace Ctem.Plugins.Parsers.Dpkg;

/// <summary>
/// The release of a Debian root filesystem without os-release (minimal and old images), from <c>etc/debian_version</c>:
/// "12.5" is Debian 12. Testing and unstable write the next release's codename over "sid" ("trixie/sid"): neither has
/// a numbered release, and the file does not say which of the two it is, so it names no release.
/// </summary>
internal static partial class DebianVersion
{
    private const string FileName = "etc/debian_version";

    /// <summary>Debian as the file at <paramref name="root"/> says, or null when there is none; a release it cannot name is warned about.</summary>
    public static OsRelease? Find(string? root, Func<string, byte[]?>? related, string databasePath, List<Diagnostic> diagnostics)
    {
        if (root is null || related?.Invoke(root + FileName) is not { } bytes)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes).Trim();
        if (Numbered().IsMatch(text))
        {
            return new OsRelease("debian", text, null, []);
        }

        diagnostics.Add(Diagnostic.Warning(
            DiagnosticCodes.UnsupportedFormat,
            databasePath,
            $"there is no os-release and {FileName} says '{Shorten(text)}', not a numbered release (testing or unstable have none); the packages carry no distro qualifier, so no release-specific advisory can be matched to them"));
        return new OsRelease("debian", null, null, []);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^\d+(\.\d+)*$")]
    private static partial Regex Numbered();
}
