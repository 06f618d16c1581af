using Ctem.Core.Model;

namespace Ctem.Engine.Inputs;

/// <summary>
/// The directory a command's inputs are read from — a directory named, or the directory of a file named; the nearest
/// common one when there are several — and the places of files under it, as code scanning wants them: relative.
/// </summary>
public static class InputRoot
{
    /// <summary>The absolute root of <paramref name="paths"/> (files or directories, relative to the current directory or absolute).</summary>
    public static string Of(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        string[]? common = null;
        foreach (var path in paths)
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
            var directory = Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? full;
            var parts = directory.TrimEnd(Path.DirectorySeparatorChar).Split(Path.DirectorySeparatorChar);
            common = common is null ? parts : [.. common.Zip(parts).TakeWhile(p => p.First == p.Second).Select(p => p.First)];
        }

        var root = common is null || common.Length == 0 ? "" : string.Join(Path.DirectorySeparatorChar, common);
        // The filesystem's root ("/", "C:") keeps its separator.
        return root.Length == 0 || root.EndsWith(':') ? root + Path.DirectorySeparatorChar : root;
    }

    /// <summary>
    /// Where a component read under <paramref name="root"/> sits. An archive entry (<c>deps.zip!sbom.json</c>) is placed
    /// at the archive: that is the file in the tree, and the entry's lines are not the archive's.
    /// </summary>
    public static FilePlace PlaceOf(string root, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var entry = location.Path.IndexOf(".zip!", StringComparison.OrdinalIgnoreCase);
        var file = entry < 0 ? location.Path : location.Path[..(entry + ".zip".Length)];
        var relative = Path.GetRelativePath(root, Path.GetFullPath(file)).Replace(Path.DirectorySeparatorChar, '/');
        return new FilePlace(root, relative, entry < 0 ? location.Line : null);
    }

    /// <summary>Each finding placed at the file that declares its component.</summary>
    public static IReadOnlyList<ObservedFinding> Place(IEnumerable<ObservedFinding> findings, IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var root = Of(paths);
        return [.. findings.Select(f => f with { Place = PlaceOf(root, f.Component.Location) })];
    }
}
