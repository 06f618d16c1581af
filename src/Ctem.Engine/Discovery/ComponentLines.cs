using Ctem.Core.Model;
using Ctem.Core.Text;

namespace Ctem.Engine.Discovery;

/// <summary>
/// Gives components found at a JSON pointer the line of that pointer in their document, so code scanning can place
/// findings on the line that declares the package (JSON parsers keep no positions; the document's bytes are at hand here).
/// </summary>
internal static class ComponentLines
{
    public static IReadOnlyList<Component> Resolve(string path, byte[] content, IReadOnlyList<Component> components)
    {
        var pointers = components
            .Where(c => c.Location.Line is null && c.Location.Path == path && c.Location.Pointer is ['/', ..])
            .Select(c => c.Location.Pointer!)
            .ToHashSet(StringComparer.Ordinal);
        if (pointers.Count == 0 || !LooksLikeJson(content))
        {
            return components;
        }

        var lines = JsonPointerLines.Find(content, pointers);
        return [.. components.Select(c =>
            c.Location.Line is null && c.Location.Path == path && c.Location.Pointer is { } pointer && lines.TryGetValue(pointer, out var line)
                ? c with { Location = c.Location with { Line = line } }
                : c)];
    }

    // XPaths start with '/' too; only a document that opens like JSON is walked.
    private static bool LooksLikeJson(byte[] content) =>
        content.AsSpan().TrimStart("\uFEFF"u8).TrimStart(" \t\r\n"u8) is [(byte)'{' or (byte)'[', ..];
}
