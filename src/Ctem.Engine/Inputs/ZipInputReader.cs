using System.IO.Compression;
using Ctem.Core.Diagnostics;

namespace Ctem.Engine.Inputs;

/// <summary>
/// Reads the documents of a zip archive (the osv.dev <c>all.zip</c> layout: one document per entry) without
/// extracting anything to disk. Entries with absolute or "..", paths are refused, and each entry is read with a
/// hard byte bound, because the sizes an archive declares can lie.
/// </summary>
public static class ZipInputReader
{
    public static IEnumerable<InputItem> Read(string zipPath, InputLimits limits, Func<string, bool> wanted)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zipPath);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return [InputItem.Failed(Diagnostic.Error(DiagnosticCodes.UnreadableFile, zipPath, $"not a readable zip archive: {ex.Message}"), fatal: true)];
        }

        return ReadEntries(zipPath, archive, limits, wanted);
    }

    private static IEnumerable<InputItem> ReadEntries(string zipPath, ZipArchive archive, InputLimits limits, Func<string, bool> wanted)
    {
        using (archive)
        {
            long total = 0;
            var count = 0;
            foreach (var entry in archive.Entries)
            {
                var display = $"{zipPath}!{entry.FullName}";
                if (entry.FullName.EndsWith('/'))
                {
                    continue;
                }

                if (++count > limits.MaxArchiveEntries)
                {
                    yield return InputItem.Failed(Unsafe(zipPath, $"more than {limits.MaxArchiveEntries} entries"), fatal: true);
                    yield break;
                }

                if (IsTraversal(entry.FullName))
                {
                    yield return InputItem.Failed(Unsafe(display, "entry path is absolute or climbs out of the archive ('..'); refused"));
                    continue;
                }

                if (!wanted(entry.FullName))
                {
                    continue;
                }

                if (entry.Length > limits.MaxDocumentBytes
                    || (entry.CompressedLength > 0 && entry.Length > (1L << 20) && entry.Length / entry.CompressedLength > limits.MaxCompressionRatio))
                {
                    yield return InputItem.Failed(Unsafe(display, $"entry expands to {entry.Length} bytes from {entry.CompressedLength}; over the limit, refused"));
                    continue;
                }

                var item = ReadEntry(display, entry, limits.MaxDocumentBytes);
                total += item.Content?.Length ?? 0;
                if (total > limits.MaxTotalBytes)
                {
                    yield return InputItem.Failed(Unsafe(zipPath, $"archive expands to more than {limits.MaxTotalBytes} bytes; refused"), fatal: true);
                    yield break;
                }

                yield return item;
                if (item.Fatal)
                {
                    yield break;
                }
            }
        }
    }

    private static InputItem ReadEntry(string display, ZipArchiveEntry entry, long maxBytes)
    {
        try
        {
            using var stream = entry.Open();

            // Read into an array of the declared size, then check that nothing follows: a lying header cannot
            // make the read go past the limit, and the common case copies the bytes once.
            var content = new byte[(int)Math.Min(entry.Length, maxBytes)];
            stream.ReadExactly(content);
            if (stream.ReadByte() >= 0)
            {
                return InputItem.Failed(Unsafe(display, "entry is larger than its archive header says; refused"));
            }

            return InputItem.Read(display, content);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            return InputItem.Failed(Diagnostic.Error(DiagnosticCodes.UnreadableFile, display, $"corrupt archive entry: {ex.Message}"), fatal: true);
        }
    }

    private static bool IsTraversal(string name) =>
        name.StartsWith('/') || name.StartsWith('\\') || (name.Length > 1 && name[1] == ':')
        || name.Replace('\\', '/').Split('/').Any(segment => segment == "..");

    private static Diagnostic Unsafe(string path, string message) => Diagnostic.Error(DiagnosticCodes.UnsafeArchive, path, message);
}
