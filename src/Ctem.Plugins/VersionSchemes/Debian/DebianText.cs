namespace Ctem.Plugins.VersionSchemes.Debian;

/// <summary>Character rules of Debian policy §5.6.12.</summary>
internal static class DebianText
{
    /// <summary>The error for a version dpkg's character rules reject, or null.</summary>
    public static string? Validate(string text, string upstream, string revision)
    {
        if (upstream.Length == 0)
        {
            return $"'{text}' has an empty upstream version";
        }

        // Policy only says the upstream part "should" start with a digit and dpkg merely warns, so that is accepted;
        // characters outside the allowed sets have no defined order and are rejected.
        foreach (var c in upstream)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '+' or '~' or '-' or ':'))
            {
                return $"'{text}' has the invalid character '{c}' in its upstream version";
            }
        }

        foreach (var c in revision)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '+' or '~'))
            {
                return $"'{text}' has the invalid character '{c}' in its revision";
            }
        }

        return null;
    }
}
