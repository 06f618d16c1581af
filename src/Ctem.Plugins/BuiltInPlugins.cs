using System.Collections.Immutable;
using Ctem.Core.Extensibility;
using Ctem.Core.Versioning;
using Ctem.Plugins.Parsers.CycloneDx;
using Ctem.Plugins.Parsers.Osv;
using Ctem.Plugins.VersionSchemes.SemVer;

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

    /// <summary>One scheme per ecosystem family; a duplicate ecosystem fails at start-up.</summary>
    public static VersionSchemeRegistry VersionSchemes { get; } = new(
    [
        SemVerScheme.Instance,
    ]);
}
