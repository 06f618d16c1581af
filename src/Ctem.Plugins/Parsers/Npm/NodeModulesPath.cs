namespace Ctem.Plugins.Parsers.Npm;

/// <summary>Paths of a <c>node_modules</c> layout and Node's lookup of a required name from a folder.</summary>
internal static class NodeModulesPath
{
    private const string Segment = "node_modules/";

    /// <summary>Whether the path is an installed package (under some node_modules) rather than a project folder.</summary>
    public static bool IsInstalled(string key) => key.StartsWith(Segment, StringComparison.Ordinal) || key.Contains("/" + Segment, StringComparison.Ordinal);

    /// <summary>The name a package is installed under: what follows the last <c>node_modules/</c>.</summary>
    public static string NameOf(string key)
    {
        var index = key.LastIndexOf(Segment, StringComparison.Ordinal);
        return index < 0 ? key : key[(index + Segment.Length)..];
    }

    public static string Child(string folder, string name) => folder.Length == 0 ? Segment + name : $"{folder}/{Segment}{name}";

    /// <summary>
    /// The path Node would load <paramref name="name"/> from when required inside <paramref name="folder"/>: the
    /// folder's own node_modules, then each ancestor's, up to the project root.
    /// </summary>
    public static string? Resolve(string folder, string name, Func<string, bool> exists)
    {
        var directory = folder;
        while (true)
        {
            if (directory is not "node_modules" && !directory.EndsWith("/node_modules", StringComparison.Ordinal) && Child(directory, name) is var candidate && exists(candidate))
            {
                return candidate;
            }

            if (directory.Length == 0)
            {
                return null;
            }

            var slash = directory.LastIndexOf('/');
            directory = slash < 0 ? string.Empty : directory[..slash];
        }
    }
}
