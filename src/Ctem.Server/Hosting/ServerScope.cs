using Ctem.Core.Scoping;
using Ctem.Engine.Scoping;

namespace Ctem.Server.Hosting;

/// <summary>The scope file the server was started with (<see cref="ServerSettings.ScopeFile"/>), read once at start.</summary>
public static class ServerScope
{
    /// <summary>
    /// The document, <see cref="ScopeDocument.Empty"/> without a file; an unreadable or invalid file is an
    /// <see cref="InvalidScopeFileException"/> whose lines name the file and every place at fault.
    /// </summary>
    public static ScopeDocument Load(string? path)
    {
        if (path is null)
        {
            return ScopeDocument.Empty;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidScopeFileException([$"cannot read the scope file {path}: {e.Message}"]);
        }

        var loaded = ScopeFile.Load(path, text, related => File.Exists(related) ? File.ReadAllText(related) : null);
        return loaded.Success ? loaded.Document! : throw new InvalidScopeFileException([.. loaded.Diagnostics.Select(d => d.ToString())]);
    }
}

/// <summary>The server cannot start with its scope file; <see cref="Problems"/> says why, one line each.</summary>
public sealed class InvalidScopeFileException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
