namespace Ctem.Plugins.Parsers.Npm;

/// <summary>
/// The package keys and dependency references of pnpm-lock.yaml: <c>/name/1.2.3_peer@1.0.0</c> (5.x),
/// <c>/name@1.2.3(peer@1.0.0)</c> (6.x), <c>name@1.2.3(peer@1.0.0)</c> (9.x), any of them possibly prefixed with a
/// registry host (<c>registry.example.com/name/1.2.3</c>). The peer suffix names the variant a package was
/// installed in for its peers; it is not part of the package's version.
/// </summary>
internal static class PnpmKey
{
    /// <summary>The key without its peer suffix.</summary>
    public static string StripPeers(string key, int major)
    {
        var paren = key.IndexOf('(', StringComparison.Ordinal);
        if (paren > 0)
        {
            key = key[..paren];
        }

        if (major < 6)
        {
            // 5.x writes peers after an underscore; a version never contains one, and peer names use '+' for '/'.
            var underscore = key.IndexOf('_', key.LastIndexOf('/') + 1);
            if (underscore > 0)
            {
                key = key[..underscore];
            }
        }

        return key;
    }

    /// <summary>
    /// The name and version a key names, or null when it does not name a registry version (git and tarball
    /// sources: pnpm writes their name and version as fields of the entry).
    /// </summary>
    public static (string Name, string Version)? Parse(string key, int major)
    {
        var text = StripPeers(key, major).TrimStart('/');
        var firstSlash = text.IndexOf('/', StringComparison.Ordinal);
        if (firstSlash > 0 && !text.StartsWith('@') && text[..firstSlash].Contains('.', StringComparison.Ordinal))
        {
            text = text[(firstSlash + 1)..];
        }

        (string Name, string Version)? parsed;
        if (major < 6 && text.IndexOf('@', text.StartsWith('@') ? 1 : 0) < 0)
        {
            var lastSlash = text.LastIndexOf('/');
            parsed = lastSlash <= 0 ? null : (text[..lastSlash], text[(lastSlash + 1)..]);
        }
        else
        {
            parsed = NpmPurl.SplitAt(text) is { } split ? (split.Name, split.Range) : null;
        }

        return parsed is { } p && p.Name.Length > 0 && p.Version.Length > 0 && char.IsAsciiDigit(p.Version[0]) ? parsed : null;
    }

    /// <summary>Whether a reference points into the project (a workspace or local folder) rather than at a package.</summary>
    public static bool IsLocal(string reference) =>
        reference.StartsWith("link:", StringComparison.Ordinal) || reference.StartsWith("file:", StringComparison.Ordinal) || reference.Contains("@link:", StringComparison.Ordinal) || reference.Contains("@file:", StringComparison.Ordinal);
}
