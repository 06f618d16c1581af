using Ctem.Core.Diagnostics;
using Ctem.Core.Model;

namespace Ctem.Core.Extensibility;

/// <summary>Result of reading one SBOM or lockfile: the inventory (null when nothing usable was read) and diagnostics.</summary>
public sealed record InventoryResult(Inventory? Inventory, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static InventoryResult Failed(Diagnostic diagnostic) => new(null, [diagnostic]);
}

/// <summary>Reads one discovery input (SBOM, lockfile, package database) into an inventory. Never throws for bad input.</summary>
public interface IInventoryParser : IPlugin
{
    /// <summary>Cheap check on the file name and the first bytes of the content.</summary>
    bool CanParse(string path, ReadOnlySpan<byte> head);

    Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken);
}
