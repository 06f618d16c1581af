using System.Text.RegularExpressions;

namespace Ctem.Engine.Mobilization.Plan;

/// <summary>
/// The major version an upgrade stays in or leaves: the version's first number, with its epoch where it has one
/// (Debian's "1:2.30" is major "1:2", PEP 440's "1!2.0" is "1!2"), after the "v" that Go and tags write. A version
/// without a leading number is its own major.
/// </summary>
internal static partial class VersionMajor
{
    public static string Of(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var match = Leading().Match(version.Trim());
        return match.Success ? match.Value.TrimStart('v', 'V') : version.Trim();
    }

    public static bool Same(string a, string b) => string.Equals(Of(a), Of(b), StringComparison.Ordinal);

    [GeneratedRegex(@"^[vV]?(?:\d+[:!])?\d+")]
    private static partial Regex Leading();
}
