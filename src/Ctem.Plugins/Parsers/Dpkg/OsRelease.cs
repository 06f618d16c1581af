using System.Text;

namespace Ctem.Plugins.Parsers.Dpkg;

/// <summary>
/// The distribution of a root filesystem, from its <c>etc/os-release</c> (or <c>usr/lib/os-release</c>, which the
/// former links to on most systems): package databases do not say which release their versions belong to.
/// </summary>
internal sealed record OsRelease(string? Id, string? VersionId, string? VersionCodename, IReadOnlyList<string> IdLike)
{
    private static readonly string[] Candidates = ["etc/os-release", "usr/lib/os-release"];

    /// <summary>The root filesystem a database at <paramref name="path"/> belongs to, or null when the path does not contain <paramref name="marker"/>.</summary>
    public static string? RootOf(string path, string marker)
    {
        var normalized = path.Replace('\\', '/');
        var at = normalized.LastIndexOf(marker, StringComparison.Ordinal);
        return at < 0 || (at > 0 && normalized[at - 1] != '/') ? null : path[..at];
    }

    /// <summary>Reads the os-release of the root at <paramref name="root"/> through the input's related-file reader.</summary>
    public static OsRelease? Find(string? root, Func<string, byte[]?>? related)
    {
        if (root is null || related is null)
        {
            return null;
        }

        foreach (var candidate in Candidates)
        {
            if (related(root + candidate) is { } bytes)
            {
                return Parse(Encoding.UTF8.GetString(bytes));
            }
        }

        return null;
    }

    /// <summary>Parses the shell-like <c>KEY=value</c> lines os-release(5) describes; quotes and backslash escapes are undone.</summary>
    public static OsRelease Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith('#') || equals <= 0)
            {
                continue;
            }

            values[line[..equals].Trim()] = Unquote(line[(equals + 1)..].Trim());
        }

        return new OsRelease(
            NullIfEmpty(values.GetValueOrDefault("ID")?.ToLowerInvariant()),
            NullIfEmpty(values.GetValueOrDefault("VERSION_ID")),
            NullIfEmpty(values.GetValueOrDefault("VERSION_CODENAME")),
            (values.GetValueOrDefault("ID_LIKE") ?? string.Empty).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Unquote(string value)
    {
        if (value.Length < 2 || value[0] is not ('"' or '\'') || value[^1] != value[0])
        {
            return value;
        }

        var inner = value[1..^1];
        if (value[0] == '\'')
        {
            return inner;
        }

        var builder = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
            }

            builder.Append(inner[i]);
        }

        return builder.ToString();
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
