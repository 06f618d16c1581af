namespace Ctem.Engine.Discovery;

/// <summary>
/// The source a run belongs to when the user names none: the identity of its inputs, so that the same CI job,
/// run again, continues its own history and resolves only what it reported before.
/// </summary>
public static class SourceNames
{
    /// <summary>The longest source name accepted (<c>--source</c>); longer default names are cut.</summary>
    public const int MaxLength = 200;

    /// <summary>A scan's: the given paths, relative to the working directory, sorted.</summary>
    public static string ForScan(IEnumerable<string> paths) =>
        Cut(string.Join(' ', paths.Select(Relative).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));

    /// <summary>An ingested report's: the tool plus the report's target, else plus the report files' paths.</summary>
    public static string ForReport(string tool, string? target, IEnumerable<string> reportPaths) =>
        Cut(target is { Length: > 0 } ? $"{tool}:{target.Trim()}" : $"{tool}:{ForScan(reportPaths)}");

    /// <summary>Why a name given with <c>--source</c> cannot be one, or null when it can.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Trim().Length == 0)
        {
            return "a source name cannot be empty";
        }

        if (name.Length > MaxLength)
        {
            return $"a source name has at most {MaxLength} characters";
        }

        return name.Any(char.IsControl) ? "a source name cannot contain control characters" : null;
    }

    // A path outside the working directory stays absolute: "../../x" would name another file from another directory.
    private static string Relative(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? full : relative).Replace('\\', '/');
    }

    private static string Cut(string name) => name.Length <= MaxLength ? name : name[..(MaxLength - 1)] + "…";
}
