using System.Text;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Tests.Parsers.PyPI;

internal static class PypiTestFiles
{
    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "Parsers", "PyPI", "testdata", name);

    /// <summary>What an engine scanning the testdata folder would hand the parser: related files read from disk.</summary>
    public static byte[]? ReadRelated(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;

    public static async Task<InventoryResult> Parse(IInventoryParser parser, string file, bool related = true)
    {
        await using var stream = File.OpenRead(TestData(file));
        return await parser.ParseAsync(new InputSource(TestData(file), stream) { Related = related ? ReadRelated : null }, CancellationToken.None);
    }

    public static async Task<InventoryResult> ParseText(IInventoryParser parser, string path, string text, Func<string, byte[]?>? related = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await parser.ParseAsync(new InputSource(path, stream) { Related = related }, CancellationToken.None);
    }

    /// <summary>"name version coordinates scope relation" (qualifiers are checked apart), one line per component, for exact list assertions.</summary>
    public static string[] Describe(Inventory inventory) =>
        inventory.Components.Select(c => $"{c.Name} {c.Version ?? "-"} {c.Purl?.ToCoordinates()} {c.Scope} {c.Relation}").ToArray();
}
