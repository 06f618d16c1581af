using System.Text.RegularExpressions;

namespace Ctem.Plugins.VersionSchemes.Pep440;

internal static partial class Pep440Pattern
{
    // packaging's VERSION_PATTERN (PEP 440 appendix B); surrounding whitespace is trimmed by the caller.
    [GeneratedRegex(
        """
        \A v?
        (?:
            (?:(?<epoch>[0-9]+)!)?
            (?<release>[0-9]+(?:\.[0-9]+)*)
            (?:
                [-_.]?
                (?<pre_l>alpha|a|beta|b|preview|pre|c|rc)
                [-_.]?
                (?<pre_n>[0-9]+)?
            )?
            (?:
                (?:-(?<post_n1>[0-9]+))
                |
                (?:
                    [-_.]?
                    (?<post_l>post|rev|r)
                    [-_.]?
                    (?<post_n2>[0-9]+)?
                )
            )?
            (?:
                [-_.]?
                (?<dev_l>dev)
                [-_.]?
                (?<dev_n>[0-9]+)?
            )?
        )
        (?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?
        \z
        """,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture)]
    public static partial Regex Version();
}
