namespace Ctem.Engine.Inputs;

/// <summary>
/// The names a run records its inputs under, by the path they were read from: an API upload is saved to a temporary
/// file, but history should show the name it was sent under, the same at every upload. Paths under a named one (a zip's
/// entries, <c>upload.zip!sbom.json</c>) keep their rest. Only what is recorded and reported is renamed: the documents
/// are still read, and their related files looked up, where they are.
/// </summary>
public sealed class InputNames(IReadOnlyDictionary<string, string> names)
{
    /// <summary>Every path as given: what the CLI records.</summary>
    public static readonly InputNames AsGiven = new(new Dictionary<string, string>());

    public string Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var (read, name) in names)
        {
            if (path == read)
            {
                return name;
            }

            if (path.Length > read.Length && path.StartsWith(read, StringComparison.Ordinal) && path[read.Length] is '!' or '/')
            {
                return name + path[read.Length..];
            }
        }

        return path;
    }
}
