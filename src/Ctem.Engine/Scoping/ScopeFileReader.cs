using Ctem.Core.Diagnostics;
using Ctem.Engine.Inputs;
using Ctem.Engine.Mobilization.Owners;

namespace Ctem.Engine.Scoping;

/// <summary>
/// The scope file read from disk, as every command with <c>--scope</c> and <c>ctem serve</c> read it: a regular file,
/// with the files it names (its CODEOWNERS) read beside it.
/// </summary>
public static class ScopeFileReader
{
    /// <summary>
    /// The loaded file; one that cannot be read at all (missing, a FIFO, no permission) is a single
    /// <see cref="DiagnosticCodes.UnreadableFile"/> error naming it, an invalid one the loader's diagnostics.
    /// </summary>
    public static ScopeLoadResult Read(string path)
    {
        if (InputReader.CheckRegular(path) is { } notRegular)
        {
            return new ScopeLoadResult(null, [notRegular]);
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ScopeLoadResult(null, [Diagnostic.Error(DiagnosticCodes.UnreadableFile, path, ex.Message)]);
        }

        return ScopeFile.Load(path, text, ReadRelated);
    }

    /// <summary>A file the scope file names (its CODEOWNERS): a regular file within GitHub's size limit, else null.</summary>
    public static string? ReadRelated(string path)
    {
        try
        {
            return InputReader.CheckRegular(path) is null && new FileInfo(path).Length <= CodeOwnersFile.MaxBytes ? File.ReadAllText(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="result"/> failed because the file could not be read, rather than being invalid.</summary>
    public static bool IsUnreadable(ScopeLoadResult result) =>
        result is { Success: false, Diagnostics: [{ Code: DiagnosticCodes.UnreadableFile }] };
}
