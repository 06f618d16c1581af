using Ctem.Core.Scoping;
using Ctem.Engine.Scoping;

namespace Ctem.Server.Hosting;

/// <summary>
/// The scope file the server was started with (<see cref="ServerSettings.ScopeFile"/>), read once at start; without one,
/// the defaults every policy has (<see cref="ScopeDocument.Empty"/>).
/// </summary>
internal sealed record ServerScope(ScopeDocument Document)
{
    /// <summary>
    /// The scope; a file that cannot be read or is not valid stops the start with its diagnostics. <c>ctem serve</c> checks
    /// the file as every command does before it starts the server, so this is what a server configured on its own meets.
    /// </summary>
    public static ServerScope Read(ServerSettings settings)
    {
        if (settings.ScopeFile is not { } path)
        {
            return new ServerScope(ScopeDocument.Empty);
        }

        var loaded = ScopeFileReader.Read(path);
        return loaded.Document is { } document
            ? new ServerScope(document)
            : throw new InvalidOperationException($"the scope file {path} is not valid: {string.Join("; ", loaded.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Location} {d.Message}".Trim()))}");
    }
}
