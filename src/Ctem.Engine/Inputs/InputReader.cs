using Ctem.Core.Diagnostics;

namespace Ctem.Engine.Inputs;

/// <summary>
/// Expands input paths into documents: a file is one document, a zip archive is its entries, a directory is its
/// files (recursively, skipping VCS and dependency folders, FIFOs, devices and sockets, never following links out of
/// the tree). A path given that is a FIFO, a device or a socket is an error, and is never opened.
/// </summary>
public sealed class InputReader(InputLimits limits, bool walkEverything = false)
{
    /// <summary>Version-control metadata, installed dependencies and vendored copies: not the product's own manifests.</summary>
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", "node_modules", "bower_components", "vendor", "third_party", ".venv", "venv", "__pycache__",
    };

    /// <summary>The same reader, walking every directory (<c>--all-directories</c>).</summary>
    public InputReader WalkingEverything() => new(limits, walkEverything: true);

    /// <summary>
    /// A file a format refers to (a parent pom, Directory.Packages.props, etc/os-release): its bytes, or null when it is
    /// missing, a link, or over the size limit.
    /// </summary>
    public byte[]? ReadRelated(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.LinkTarget is null && info.Length <= limits.MaxDocumentBytes && FileKind.SpecialKindOf(path) is null
                ? File.ReadAllBytes(path)
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// The error for a path that names a FIFO, a device or a socket, which is never opened (a FIFO would block until
    /// written to); null for a regular file, a directory, or a path that does not exist.
    /// </summary>
    public static Diagnostic? CheckRegular(string path) =>
        FileKind.SpecialKindOf(path) is { } kind
            ? Diagnostic.Error(DiagnosticCodes.UnreadableFile, path, $"not a regular file (a {kind}); not read")
            : null;

    /// <summary>Names the paths that do not exist, so a command can refuse before it writes anything.</summary>
    public static IReadOnlyList<Diagnostic> CheckExist(IEnumerable<string> paths) =>
        paths.Where(p => !File.Exists(p) && !Directory.Exists(p))
            .Select(p => Diagnostic.Error(DiagnosticCodes.UnreadableFile, p, "no such file or directory"))
            .ToList();

    /// <param name="openArchivesInWalk">
    /// Whether zip files met in a directory walk are opened: yes for advisory exports, no for a source tree, where an
    /// archive is a build artefact or a test fixture rather than the product's inventory.
    /// </param>
    public IEnumerable<InputItem> Read(string path, Func<string, bool> wanted, bool openArchivesInWalk = true)
    {
        return Directory.Exists(path) ? ReadDirectory(path, wanted, openArchivesInWalk) : ReadNonDirectory(path, wanted);
    }

    private IEnumerable<InputItem> ReadNonDirectory(string path, Func<string, bool> wanted)
    {
        if (CheckRegular(path) is { } notRegular)
        {
            return [InputItem.Failed(notRegular)];
        }

        return path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
            ? ZipInputReader.Read(path, limits, wanted)
            : [ReadFile(path)];
    }

    private IEnumerable<InputItem> ReadDirectory(string root, Func<string, bool> wanted, bool openArchives)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(directory, "*", options).Order(StringComparer.Ordinal).Reverse())
            {
                if (walkEverything || !SkippedDirectories.Contains(Path.GetFileName(sub)))
                {
                    pending.Push(sub);
                }
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*", options).Order(StringComparer.Ordinal))
            {
                // A FIFO, device or socket in a tree is no document (and reading a FIFO would block): skipped, like links.
                var isArchive = file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
                if (!(isArchive ? openArchives : wanted(file)) || FileKind.SpecialKindOf(file) is not null)
                {
                    continue;
                }

                foreach (var item in isArchive ? ZipInputReader.Read(file, limits, wanted) : [ReadFile(file)])
                {
                    yield return item;
                }
            }
        }
    }

    private byte[] ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 81920);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limits.MaxDocumentBytes)
            {
                throw new IOException($"grew past the {limits.MaxDocumentBytes}-byte limit while being read");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private InputItem ReadFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > limits.MaxDocumentBytes)
            {
                return InputItem.Failed(Diagnostic.Error(DiagnosticCodes.UnreadableFile, path, $"file is {info.Length} bytes, over the {limits.MaxDocumentBytes}-byte limit; refused"));
            }

            // FIFOs and devices never get here (see CheckRegular); /proc files report no length and may never end:
            // only files with content are read, and never past the limit.
            if (info.Length == 0)
            {
                return InputItem.Read(path, []);
            }

            var content = ReadBounded(path);
            return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                ? GzipInput.Decompress(path, content, limits.MaxDocumentBytes)
                : InputItem.Read(path, content);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return InputItem.Failed(Diagnostic.Error(DiagnosticCodes.UnreadableFile, path, $"cannot read: {ex.Message}"));
        }
    }
}
