using System.Collections.Immutable;
using Ctem.Core.Extensibility;
using Ctem.Plugins.Parsers.CycloneDx;
using Ctem.Plugins.Parsers.Osv;

namespace Ctem.Plugins;

/// <summary>The one list of built-in plugins. Adding a format is one folder and one line here.</summary>
public static class BuiltInPlugins
{
    public static ImmutableArray<IInventoryParser> InventoryParsers { get; } =
    [
        new CycloneDxJsonParser(),
    ];

    public static ImmutableArray<IAdvisoryParser> AdvisoryParsers { get; } =
    [
        new OsvJsonParser(),
    ];
}
