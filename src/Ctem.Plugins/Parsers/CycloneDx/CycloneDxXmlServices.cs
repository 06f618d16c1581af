using System.Xml.Linq;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.CycloneDx;

/// <summary>
/// A CycloneDX XML BOM's <c>services</c> (nested at any depth), read as <see cref="CycloneDxServices"/> reads JSON's:
/// a nested service is one its parent calls, and the BOM's <c>dependencies</c> add the calls it lists. Data flows are
/// 1.2–1.4's <c>data/classification[@flow]</c> and 1.5+'s <c>data/dataflow/classification</c>.
/// </summary>
internal static class CycloneDxXmlServices
{
    public static List<DeclaredService> Read(string path, XNamespace ns, XElement root, Dictionary<string, List<string>>? graph)
    {
        var services = new List<DeclaredService>();
        foreach (var list in root.Elements(ns + "services"))
        {
            Collect(path, ns, list, "/bom/services", topLevel: true, graph, services);
        }

        return services;
    }

    /// <returns>The bom-refs of the services collected at this level.</returns>
    private static List<string> Collect(string path, XNamespace ns, XElement list, string location, bool topLevel, Dictionary<string, List<string>>? graph, List<DeclaredService> services)
    {
        var refs = new List<string>();
        var index = 0;
        foreach (var item in list.Elements(ns + "service"))
        {
            var here = FormattableString.Invariant($"{location}/service[{++index}]");
            if (Text(item, ns + "name") is not { } name)
            {
                continue;
            }

            var nested = item.Elements(ns + "services").SelectMany(l => Collect(path, ns, l, $"{here}/services", topLevel: false, graph, services)).ToList();
            var bomRef = item.Attribute("bom-ref")?.Value.Trim() is { Length: > 0 } reference ? reference : null;
            var trustZone = Text(item, ns + "trustZone");
            services.Add(new DeclaredService(name, bomRef, new SourceLocation(path, here), topLevel)
            {
                Provider = item.Element(ns + "provider") is { } provider ? Text(provider, ns + "name") : null,
                Endpoints = [.. item.Elements(ns + "endpoints").Elements(ns + "endpoint").Select(e => e.Value.Trim()).Where(e => e.Length > 0)],
                Authenticated = Boolean(item, ns + "authenticated"),
                TrustBoundary = Boolean(item, ns + "x-trust-boundary") ?? Boolean(item, ns + "trustBoundary") ?? (trustZone is null ? null : true),
                TrustZone = trustZone,
                Data = Flows(ns, item),
                Calls = [.. nested.Concat(bomRef is null ? [] : graph?.GetValueOrDefault(bomRef) ?? []).Distinct(StringComparer.Ordinal)],
            });
            if (bomRef is not null)
            {
                refs.Add(bomRef);
            }
        }

        return refs;
    }

    private static List<ServiceDataFlow> Flows(XNamespace ns, XElement service)
    {
        var data = service.Element(ns + "data");
        if (data is null)
        {
            return [];
        }

        var direct = data.Elements(ns + "classification").Select(c => (Classification: c, Flow: c.Attribute("flow")?.Value));
        var flows = data.Elements(ns + "dataflow").SelectMany(f => f.Elements(ns + "classification").Select(c => (Classification: c, Flow: c.Attribute("flow")?.Value ?? f.Attribute("flow")?.Value)));
        return
        [
            .. direct.Concat(flows)
                .Where(d => d.Classification.Value.Trim().Length > 0)
                .Select(d => new ServiceDataFlow(d.Classification.Value.Trim(), d.Flow?.Trim() is { Length: > 0 } flow ? flow : null)),
        ];
    }

    private static string? Text(XElement element, XName child) =>
        element.Element(child)?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static bool? Boolean(XElement element, XName child) => Text(element, child) switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };
}
